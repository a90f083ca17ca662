/**
 * The daily 待更新 sweep on a real database: a repealed source flags its entry (reason, day, audit, one
 * e-mail to the unit), a valid one does not; a newer version of a cited document flags too; the day is
 * claimed once; publishing a revision clears the flag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser, SYSTEM } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { CallContext } from '../../lib/actor.ts';

const MAIL_ENV = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: '示范县 <gk@example.gov.cn>' };

describe(`qa.stale-sources on ${ENGINE}`, () => {
  let app: TestApp;
  let staff: Staff;
  let clerk: CallContext;
  let reviewer: CallContext;
  let unitId: number;
  const ids: Record<string, number> = {};
  const entry = (id: number) =>
    app.db.selectFrom('qa_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const publishEntry = async (question: string, doc: string) => {
    const id = await app.qa.entryService.create(clerk, {
      unitId: String(unitId),
      question,
      answer: `${question}的答复。`,
      s0_doc: doc,
      s0_article: '第三条',
    });
    await app.qa.entryService.run(clerk, id, 'submit');
    await app.qa.entryService.run(reviewer, id, 'publish');
    return id;
  };

  beforeAll(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z', env: MAIL_ENV });
    const unit = await buildUnit(app, null, { name: '测试县民政局', email: 'mzj@example.gov.cn' });
    unitId = unit.id;
    staff = await buildStaff(app, unit);
    clerk = (await buildUser(app, unit, ['clerk'])).ctx;
    reviewer = (await buildUser(app, unit, ['reviewer'])).ctx;
    ids.repealed = await publishDocument(app.publishing, unit, staff, {
      title: '关于低保标准的通知',
      docNumber: '张民发〔2024〕1号',
      validity: 'valid',
    });
    ids.valid = await publishDocument(app.publishing, unit, staff, {
      title: '关于临时救助的通知',
      docNumber: '张民发〔2024〕2号',
      validity: 'valid',
    });
    ids.corrected = await publishDocument(app.publishing, unit, staff, {
      title: '关于特困供养的通知',
      docNumber: '张民发〔2024〕3号',
      validity: 'valid',
    });
    ids.a = await publishEntry('低保标准是多少', '张民发〔2024〕1号');
    ids.b = await publishEntry('临时救助怎么申请', '张民发〔2024〕2号');
    ids.c = await publishEntry('特困供养怎么认定', '关于特困供养的通知');
  }, 60_000);
  afterAll(async () => {
    await app.destroy();
  });

  it('flags entries whose source was repealed or got a new version, once a day, and tells the unit once', async () => {
    app.clock.advance(86_400_000);
    await app.publishing.documents.changeValidity(staff.reviewer, ids.repealed!, {
      validity: 'repealed',
      repealedOn: '2026-03-03',
      note: '已废止',
    });
    await app.publishing.documents.correctPublished(
      staff.reviewer,
      ids.corrected!,
      documentInput({
        title: '关于特困供养的通知',
        docNumber: '张民发〔2024〕3号',
        validity: 'valid',
        bodyHtml: '<p>更正后的正文。</p>',
      }),
      '更正错字',
    );
    const r = await app.qa.stale.runDaily('2026-03-03');
    expect(r).toMatchObject({ checked: 3, flagged: 2, mailed: 2 });
    const a = await entry(ids.a!);
    expect(a.stale).toBe(1);
    expect(a.stale_since).toBe('2026-03-03');
    expect(a.stale_reason).toContain('《关于低保标准的通知》（张民发〔2024〕1号）废止');
    expect((await entry(ids.b!)).stale).toBe(0);
    expect((await entry(ids.c!)).stale_reason).toContain('有新版本');
    expect(await app.qa.stale.runDaily('2026-03-03')).toBeNull();
    // Another day: already flagged entries are not flagged or mailed again.
    expect(await app.qa.stale.runDaily('2026-03-04')).toMatchObject({ checked: 1, flagged: 0 });
    const mails = await app.db
      .selectFrom('mail_outbox')
      .select(['recipient_masked', 'kind'])
      .where('kind', '=', 'qa.stale')
      .execute();
    expect(mails).toHaveLength(2);
    const audits = await app.db
      .selectFrom('audit_events')
      .select('target_id')
      .where('action', '=', 'qa.entry.stale')
      .execute();
    expect(audits.map((x) => Number(x.target_id)).sort()).toEqual([ids.a, ids.c].sort());
    const page = await app.qa.publicEntries.entry(ids.a!);
    expect(page?.stale).toBe(true);
    expect(page?.sources[0]?.validity).toMatchObject({ label: '废止', inForce: false });
  });

  it('clears the flag when a revision is published', async () => {
    const rev = await app.qa.entryService.revise(clerk, ids.c!);
    await app.qa.entryService.run(clerk, rev, 'submit');
    await app.qa.entryService.run(reviewer, rev, 'publish');
    const c = await entry(ids.c!);
    expect([c.stale, c.stale_reason, c.version]).toEqual([0, null, 2]);
    expect(SYSTEM.actor.kind).toBe('system');
  });
});
