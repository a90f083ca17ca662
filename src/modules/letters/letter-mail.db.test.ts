/**
 * E-mails of letters on both engines, when mail is configured: the receipt with 编号 + 查询码 is enqueued
 * in the intake's transaction, the reply when it is sent; the recipient and the text are stored
 * encrypted, the subject names only the 编号. Without an e-mail address, or without mail, nothing is queued.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../test/support/factories.ts';
import { buildChannel, letterForm } from '../../../test/support/letters.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { ANONYMOUS, NO_REQUEST } from '../../lib/actor.ts';

const PUBLIC = { actor: ANONYMOUS, meta: NO_REQUEST };
const MAIL_ENV = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: '示范县 <gk@example.gov.cn>' };

describe(`letter e-mails on ${ENGINE}`, () => {
  let app: TestApp;
  afterEach(async () => app?.destroy());
  const outbox = () => app.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  const setUp = async (env: Record<string, string>) => {
    app = await createTestApp({ env });
    const { county, dept } = await buildCounty(app);
    const office = await buildUser(app, county, ['disclosure_admin']);
    const clerk = await buildUser(app, dept, ['clerk']);
    const reviewer = await buildUser(app, dept, ['reviewer']);
    const box = await buildChannel(app, office.ctx, county);
    return { dept, office, clerk, reviewer, box };
  };

  it('queues the receipt and the reply, encrypted, with only the 编号 in the subject', async () => {
    const { dept, office, clerk, reviewer, box } = await setUp(MAIL_ENV);
    const r = await app.letters.letters.submit(PUBLIC, box.id, letterForm(app));
    let mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      kind: 'letter_receipt',
      subject: `来信已收到：编号 ${r.reference}`,
      status: 'pending',
    });
    expect(JSON.stringify(mails[0])).not.toContain('zsf@example.com');
    expect(JSON.stringify(mails[0])).not.toContain(r.lookupCode);

    await app.letters.transitions.run(office.ctx, r.id, 'route', { unitId: dept.id });
    await app.letters.transitions.run(clerk.ctx, r.id, 'submit_reply', { body: '答复正文' });
    await app.letters.transitions.run(reviewer.ctx, r.id, 'send_reply', {});
    mails = await outbox();
    expect(mails.map((m) => m.kind)).toEqual(['letter_receipt', 'letter_reply']);
    expect(mails[1]?.subject).toBe(`来信答复：编号 ${r.reference}`);
    const audit = await app.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'letter.reply_mailed')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('queues nothing without an address or without mail', async () => {
    const { box } = await setUp(MAIL_ENV);
    await app.letters.letters.submit(PUBLIC, box.id, letterForm(app, { email: '' }));
    expect(await outbox()).toHaveLength(0);
    await app.destroy();
    const again = await setUp({});
    await app.letters.letters.submit(PUBLIC, again.box.id, letterForm(app));
    expect(await outbox()).toHaveLength(0);
  });
});
