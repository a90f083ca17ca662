/**
 * Intake of letters on both engines: a valid letter gets a 编号 and 查询码, its writer encrypted and masked,
 * the timeline and the audit record in the same transaction; bad input is refused per field with nothing
 * stored; a double submit returns the same letter; attachments are checked by content and stored encrypted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../test/support/factories.ts';
import { buildChannel, formToken, letterForm } from '../../../test/support/letters.ts';
import { buildStaff, publishDocument } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { ANONYMOUS, NO_REQUEST } from '../../lib/actor.ts';
import { isAppError } from '../../lib/errors.ts';

const LONG = (n: number) => '字'.repeat(n);
const PUBLIC = { actor: ANONYMOUS, meta: NO_REQUEST };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

async function problemsOf(p: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return Object.fromEntries(e.problems.map((x) => [x.field, x.message]));
    throw e;
  }
  throw new Error('expected a validation error');
}

describe(`letter intake on ${ENGINE}`, () => {
  let app: TestApp;
  let county: Unit;
  let dept: Unit;
  let boxId: number;
  const count = async (t: 'letters' | 'letter_events' | 'letter_attachments') =>
    Number(
      (
        await app.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeEach(async () => {
    app = await createTestApp(); // 2026-03-02 10:00 China time, a Monday
    ({ county, dept } = await buildCounty(app));
    const admin = await buildUser(app, county, ['disclosure_admin']);
    boxId = (await buildChannel(app, admin.ctx, county)).id;
  });
  afterEach(async () => app?.destroy());

  it('stores a letter with its 编号, 查询码, due date, timeline and audit record; the writer only encrypted', async () => {
    const r = await app.letters.letters.submit(PUBLIC, boxId, letterForm(app));
    expect(r.created).toBe(true);
    expect(r.reference).toBe('XX2026-000001');
    expect(r.lookupCode).toMatch(/^[2-9A-Z]{10}$/);
    expect(r.dueOn).toBe('2026-03-09'); // 5 working days after Monday 3/2
    const row = await app.letters.repo.findById(r.id);
    expect(row).toMatchObject({
      status: 'received',
      unit_id: null,
      writer_masked: '张**',
      consent_publish: 1,
    });
    expect(row?.writer_enc).not.toContain('张三丰');
    expect(row?.writer_enc).not.toContain('13800138000');
    expect(app.letters.letters.writerOf(row!)).toEqual({
      name: '张三丰',
      phone: '13800138000',
      email: 'zsf@example.com',
    });
    const events = await app.letters.repo.events(r.id);
    expect(events.map((e) => e.kind)).toEqual(['received']);
    const audit = await app.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'letter.receive')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('张三丰');
    expect(JSON.stringify(audit)).not.toContain('13800138000');
    const second = await app.letters.letters.submit(PUBLIC, boxId, letterForm(app));
    expect(second.reference).toBe('XX2026-000002');
  });

  it('finds the letter by 编号 + 查询码, with the same error for an unknown number and a wrong code', async () => {
    const r = await app.letters.letters.submit(PUBLIC, boxId, letterForm(app));
    expect((await app.letters.letters.findForWriter(r.reference, r.lookupCode.toLowerCase())).id).toBe(r.id);
    const wrongCode = await problemsOf(app.letters.letters.findForWriter(r.reference, 'AAAAAAAAAA'));
    const unknown = await problemsOf(app.letters.letters.findForWriter('XX2026-999999', r.lookupCode));
    expect(wrongCode).toEqual(unknown);
    expect(wrongCode.reference).toBe('编号或查询码不正确，请核对后重新输入');
  });

  it.each([
    ['name', '请填写姓名', { name: '' }],
    ['name', '姓名不能超过 50 个字符', { name: LONG(51) }],
    ['phone', '请至少填写联系电话或电子邮箱中的一项，以便答复', { phone: '', email: '' }],
    ['phone', '联系电话', { phone: '123' }],
    ['email', '电子邮箱', { email: 'not-an-address' }],
    ['consent', '请选择是否同意公开', { consent: '' }],
    ['type', '请选择来信类型', { type: 'site_error' }],
    ['title', '请填写标题', { title: '' }],
    ['title', '标题不能超过 100 个字符', { title: LONG(101) }],
    ['title', '标题不能包含网页标记', { title: '<script>alert(1)</script>' }],
    ['body', '请填写内容', { body: '' }],
    ['body', '内容含有不可见的控制字符', { body: '内容\u0000内容' }],
    ['body', '内容不能超过 5000 个字符', { body: LONG(5001) }],
    ['body', '内容不能包含网页标记', { body: '点击 <a href="http://x">这里</a>' }],
  ])('refuses a bad %s (“%s”) and stores nothing', async (field, message, over) => {
    const p = await problemsOf(app.letters.letters.submit(PUBLIC, boxId, letterForm(app, over)));
    expect(p[field]).toContain(message);
    expect(await count('letters')).toBe(0);
    expect(await count('letter_events')).toBe(0);
  });

  it('reports every bad field at once', async () => {
    const p = await problemsOf(
      app.letters.letters.submit(
        PUBLIC,
        boxId,
        letterForm(app, { name: '', title: '', body: '', consent: '' }),
      ),
    );
    expect(Object.keys(p).sort()).toEqual(['body', 'consent', 'name', 'title']);
  });

  it('refuses a post without the form token or with the honeypot filled', async () => {
    const { formStarted: _t, ...noToken } = letterForm(app);
    expect((await problemsOf(app.letters.letters.submit(PUBLIC, boxId, noToken)))._).toContain('页面已过期');
    const honey = await problemsOf(
      app.letters.letters.submit(PUBLIC, boxId, letterForm(app, { website: 'x' })),
    );
    expect(honey._).toContain('未通过校验');
    expect(await count('letters')).toBe(0);
  });

  it('returns the same letter on a double submit with the same key', async () => {
    const form = letterForm(app, { idempotencyKey: 'key-123' });
    const a = await app.letters.letters.submit(PUBLIC, boxId, form);
    const b = await app.letters.letters.submit(PUBLIC, boxId, form);
    expect(b).toEqual({ ...a, created: false });
    expect(await count('letters')).toBe(1);
  });

  it('stores attachments checked by content, encrypted; refuses a renamed file and too many', async () => {
    const r = await app.letters.letters.submit(PUBLIC, boxId, letterForm(app), [
      { fileName: '照片.png', content: PNG },
      { fileName: '材料.pdf', content: PDF },
    ]);
    const files = await app.letters.repo.attachments(r.id);
    expect(files.map((f) => [f.file_name, f.file_kind, f.size])).toEqual([
      ['照片.png', 'png', PNG.length],
      ['材料.pdf', 'pdf', PDF.length],
    ]);
    const stored = await app.letters.repo.attachment(files[0]!.id);
    expect(stored?.content_enc).not.toContain(PNG.toString('base64'));

    const renamed = await problemsOf(
      app.letters.letters.submit(PUBLIC, boxId, letterForm(app), [{ fileName: '材料.pdf', content: PNG }]),
    );
    expect(renamed.attachments).toContain('内容与扩展名 .pdf 不符');
    const many = await problemsOf(
      app.letters.letters.submit(
        PUBLIC,
        boxId,
        letterForm(app),
        Array.from({ length: 4 }, (_, i) => ({ fileName: `${i}.pdf`, content: PDF })),
      ),
    );
    expect(many.attachments).toBe('附件最多 3 个');
    expect(await count('letters')).toBe(1);
  });

  it('routes a 找错 report at once to the unit that published the page; an unknown page waits for the office', async () => {
    const docId = await publishDocument(app.publishing, dept, await buildStaff(app, dept), {
      title: '低保标准',
    });
    const admin = await buildUser(app, county, ['disclosure_admin']);
    const box = await buildChannel(app, admin.ctx, county, { kind: 'site_error', name: '我为政府网站找错' });
    const report = (pageUrl: string) =>
      app.letters.letters.submit(PUBLIC, box.id, {
        ...formToken(app),
        pageUrl,
        errorKind: 'wrong_content',
        body: '标准金额写错了',
      });
    const routed = await app.letters.repo.findById((await report(`/documents/${docId}`)).id);
    expect(routed).toMatchObject({ status: 'assigned', unit_id: dept.id });
    const events = await app.db
      .selectFrom('letter_events')
      .select(['kind', 'to_unit_id'])
      .where('letter_id', '=', routed!.id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kind: 'received', to_unit_id: null },
      { kind: 'routed', to_unit_id: dept.id },
    ]);
    const waiting = await app.letters.repo.findById((await report('/search?q=低保')).id);
    expect(waiting).toMatchObject({ status: 'received', unit_id: null });
  });

  it('takes a 找错 report: page address of this site, 错误类型, contact optional; 3 working days', async () => {
    const admin = await buildUser(app, county, ['disclosure_admin']);
    const box = await buildChannel(app, admin.ctx, county, { kind: 'site_error', name: '我为政府网站找错' });
    const form = {
      ...formToken(app),
      pageUrl: '/policies/12?x=1',
      errorKind: 'broken_link',
      body: '附件链接打不开',
    };
    const r = await app.letters.letters.submit(PUBLIC, box.id, form);
    expect(r.dueOn).toBe('2026-03-05');
    const row = await app.letters.repo.findById(r.id);
    expect(row).toMatchObject({
      type: 'site_error',
      page_url: '/policies/12?x=1',
      error_kind: 'broken_link',
      writer_masked: '网友',
    });
    const bad = await problemsOf(
      app.letters.letters.submit(PUBLIC, box.id, {
        ...form,
        pageUrl: 'https://evil.example/x',
        errorKind: 'nope',
      }),
    );
    expect(bad.pageUrl).toContain('本网站的页面路径');
    expect(bad.errorKind).toBe('请选择错误类型');
  });
});
