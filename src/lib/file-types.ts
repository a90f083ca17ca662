/**
 * Upload checks by content, not by the name or the browser's declared type: the first bytes (and
 * for ZIP containers, the entries) must match the extension, and the size must be within limits.
 */
import { AppError } from './errors.ts';

export const FILE_KINDS = [
  'pdf',
  'ofd',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'wps',
  'et',
  'jpg',
  'png',
  'zip',
  'txt',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const EXTENSIONS: Record<FileKind, string[]> = {
  pdf: ['pdf'],
  ofd: ['ofd'],
  doc: ['doc'],
  docx: ['docx'],
  xls: ['xls'],
  xlsx: ['xlsx'],
  wps: ['wps'],
  et: ['et'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  zip: ['zip'],
  txt: ['txt', 'md'],
};

export const MIME_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  wps: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  jpg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
  txt: 'text/plain; charset=utf-8',
};

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The kinds a buffer's content is compatible with (a .docx is also a zip, a .doc is OLE2 like .xls). */
export function contentKinds(b: Buffer): FileKind[] {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return ['pdf'];
  if (startsWith(b, [0xff, 0xd8, 0xff])) return ['jpg'];
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ['png'];
  if (startsWith(b, OLE2)) return ['doc', 'xls', 'wps', 'et'];
  if (startsWith(b, ZIP) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) {
    const names = b.toString('latin1');
    const kinds: FileKind[] = ['zip'];
    if (names.includes('word/document.xml')) kinds.push('docx');
    if (names.includes('xl/workbook.xml')) kinds.push('xlsx');
    if (names.includes('OFD.xml')) kinds.push('ofd');
    return kinds;
  }
  if (isUtf8Text(b)) return ['txt'];
  return [];
}

function isUtf8Text(b: Buffer): boolean {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1]!.toLowerCase() : '';
}

export interface UploadRule {
  allowed: readonly FileKind[];
  maxBytes: number;
}

/**
 * Returns the kind of an uploaded file, or throws a validation error naming the field: unsupported
 * extension, content that does not match the extension, empty or oversized file.
 */
export function checkUpload(
  field: string,
  label: string,
  fileName: string,
  content: Buffer,
  rule: UploadRule,
): FileKind {
  const ext = extensionOf(fileName);
  const kind = rule.allowed.find((k) => EXTENSIONS[k].includes(ext));
  const allowedText = rule.allowed.map((k) => EXTENSIONS[k][0]).join('、');
  const fail = (message: string) => AppError.validation([{ field, message: `${label}：${message}` }]);
  if (!kind) throw fail(`“${fileName}”的类型不受支持，仅支持 ${allowedText}`);
  if (content.length === 0) throw fail(`“${fileName}”是空文件`);
  if (content.length > rule.maxBytes) throw fail(`“${fileName}”超过大小上限 ${formatBytes(rule.maxBytes)}`);
  if (!contentKinds(content).includes(kind))
    throw fail(`“${fileName}”的内容与扩展名 .${ext} 不符，可能已损坏或被改名`);
  return kind;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} 字节`;
}
