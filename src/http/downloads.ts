/** File downloads: the original (Chinese) file name kept via RFC 5987, never cached by proxies. */
import type { FastifyReply } from 'fastify';
import { type FileKind, MIME_TYPES } from '../lib/file-types.ts';

export function sendDownload(
  reply: FastifyReply,
  file: { fileName: string; kind: FileKind; body: Buffer | string; inline?: boolean; contentType?: string },
): FastifyReply {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const disposition = `${file.inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  return reply
    .type(file.contentType ?? MIME_TYPES[file.kind])
    .header('content-disposition', disposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.body);
}
