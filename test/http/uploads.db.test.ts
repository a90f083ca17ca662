import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import { formFields, uploadedFiles } from '../../src/http/uploads.ts';
import { checkUpload } from '../../src/lib/file-types.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

/** multipart/form-data exactly as a browser sends it. */
async function multipart(
  fields: Record<string, string>,
  files: { field: string; name: string; content: Buffer }[],
) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append(f.field, new Blob([new Uint8Array(f.content)]), f.name);
  const res = new Response(fd);
  return { payload: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

describe(`multipart uploads on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
    server = await buildServer(app, { logger: false });
    // A route that uses the upload helpers the way module routes do.
    server.post('/upload-probe', async (req) => {
      const files = await uploadedFiles(req.body, 'attachment');
      const kinds = files.map((f) =>
        checkUpload('attachment', '附件', f.fileName, f.content, { allowed: ['pdf'], maxBytes: 1024 }),
      );
      return {
        fields: formFields(req.body),
        files: files.map((f) => ({ name: f.fileName, size: f.content.length })),
        kinds,
      };
    });
    await server.ready();
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  /** Posts like a browser that first loaded a form (CSRF cookie + token), unless withToken is false. */
  const send = async (
    fields: Record<string, string>,
    files: { field: string; name: string; content: Buffer }[],
    withToken = true,
  ) => {
    const first = await server.inject({ url: '/login' });
    const seed = first.cookies.find((c) => c.name === 'gk_csrf')!.value;
    const token = /name="_csrf" value="([^"]+)"/.exec(first.body)![1]!;
    const { payload, contentType } = await multipart(withToken ? { ...fields, _csrf: token } : fields, files);
    return server.inject({
      method: 'POST',
      url: '/upload-probe',
      payload,
      headers: { 'content-type': contentType, cookie: `gk_csrf=${seed}` },
    });
  };

  it('reads fields and files, keeping the original file name, after the CSRF check', async () => {
    const res = await send({ title: '通知' }, [
      { field: 'attachment', name: '关于印发方案的通知.pdf', content: Buffer.from('%PDF-1.7\nx') },
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.fields.title).toBe('通知');
    expect(body.files).toEqual([{ name: '关于印发方案的通知.pdf', size: 10 }]);
    expect(body.kinds).toEqual(['pdf']);
  });

  it('refuses a multipart post without the CSRF token', async () => {
    const res = await send(
      {},
      [{ field: 'attachment', name: 'a.pdf', content: Buffer.from('%PDF-1.7') }],
      false,
    );
    expect(res.statusCode).toBe(403);
  });

  it('refuses a renamed executable with a message naming the field', async () => {
    const res = await send({}, [
      { field: 'attachment', name: 'a.pdf', content: Buffer.from([0x4d, 0x5a, 0x90, 0]) },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('附件：“a.pdf”的内容与扩展名 .pdf 不符');
  });
});
