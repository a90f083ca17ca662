/**
 * The daily reminders and the monitor's overdue list on the real database: 临期 from one working day before
 * the due day (the 调休 Saturday 10-10 counts), 超期 after it; open letters only; once per letter, kind and
 * day — a second run and two processes at once record nothing twice; each reminder has its audit event and,
 * with mail configured, one e-mail to the handling unit's address (the box's unit while unrouted). The
 * overdue list puts letters unanswered for more than 3 months first, 找错 reports apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/support/factories.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { openDatabase } from '../../db/database.ts';
import type { Unit } from '../../db/schema.ts';
import { insertChannel, insertLetter } from './letter-outputs.test-support.ts';
import { addMonths, LetterReminders, overdueList, pastInspectionLimit } from './letter-reminders.ts';

describe(`letter reminders on ${ENGINE}`, () => {
  let app: TestApp;
  let A: Unit;
  let B: Unit;
  const ids: Record<string, number> = {};

  const reminders = (day: string) =>
    app.db
      .selectFrom('letter_reminders')
      .innerJoin('letters', 'letters.id', 'letter_reminders.letter_id')
      .select(['letters.reference', 'letter_reminders.kind'])
      .where('letter_reminders.day', '=', day)
      .orderBy('letters.reference')
      .execute();
  const count = async (table: 'audit_events' | 'mail_outbox') => {
    let q = app.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (table === 'audit_events') q = q.where('action', '=', 'letter.reminder');
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const make = (db = app.db) =>
    new LetterReminders({ db, audit: app.audit, clock: app.clock, calendar: app.calendar, mail: app.mail });

  beforeAll(async () => {
    app = await createTestApp({
      now: '2026-10-12T01:00:00Z', // Monday 12 October, 09:00 in China
      env: { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: '测试县人民政府办公室 <gkb@example.gov.cn>' },
    });
    const county = await buildCounty(app);
    A = county.dept;
    B = county.other;
    await app.db.updateTable('units').set({ email: 'fgj@example.gov.cn' }).where('id', '=', A.id).execute();
    await app.db
      .updateTable('units')
      .set({ email: 'gkb@example.gov.cn' })
      .where('id', '=', county.county.id)
      .execute();
    const box = await insertChannel(app.db, county.county.id);
    const site = await insertChannel(app.db, county.county.id, {
      kind: 'site_error',
      name: '我为政府网站找错',
    });
    const add = async (
      ref: string,
      f: Omit<Parameters<typeof insertLetter>[1], 'channelId'> & { site?: boolean },
    ) => {
      ids[ref] = await insertLetter(app.db, { channelId: f.site ? site : box, reference: ref, ...f });
    };
    await add('L1', { unitId: A.id, status: 'assigned', receivedOn: '2026-10-02', dueOn: '2026-10-13' });
    await add('L2', { unitId: A.id, status: 'assigned', receivedOn: '2026-10-08', dueOn: '2026-10-14' });
    await add('L3', { unitId: A.id, status: 'in_review', receivedOn: '2026-09-28', dueOn: '2026-10-09' });
    await add('L4', { unitId: null, status: 'received', receivedOn: '2026-09-30', dueOn: '2026-10-12' });
    await add('L5', { unitId: A.id, status: 'answered', receivedOn: '2026-09-01', dueOn: '2026-09-08' });
    await add('L6', { unitId: A.id, status: 'closed', receivedOn: '2026-09-01', dueOn: '2026-09-08' });
    await add('L7', { unitId: B.id, status: 'assigned', receivedOn: '2026-06-30', dueOn: '2026-07-07' });
    await add('L8', {
      unitId: A.id,
      status: 'assigned',
      receivedOn: '2026-10-02',
      dueOn: '2026-10-09',
      site: true,
      pageUrl: '/columns/3',
    });
    await add('L9', { unitId: A.id, status: 'assigned', receivedOn: '2026-07-12', dueOn: '2026-07-17' });
  }, 60_000);
  afterAll(async () => app.destroy());

  it('records 临期 and 超期 for open letters, with audit and mail to the unit', async () => {
    const r = await make().run('2026-10-12');
    expect(r).toEqual({ recorded: 6, already: 0, mailed: 5 });
    expect(await reminders('2026-10-12')).toEqual([
      { reference: 'L1', kind: 'due_soon' },
      { reference: 'L3', kind: 'overdue' },
      { reference: 'L4', kind: 'due_soon' },
      { reference: 'L7', kind: 'overdue' },
      { reference: 'L8', kind: 'overdue' },
      { reference: 'L9', kind: 'overdue' },
    ]);
    expect(await count('audit_events')).toBe(6);
    const mails = await app.db
      .selectFrom('mail_outbox')
      .select(['recipient_masked', 'subject', 'ref_id'])
      .orderBy('id')
      .execute();
    expect(mails).toHaveLength(5);
    // L4 is not routed yet: the box's unit (the 政务公开办) is told.
    expect(mails.find((m) => m.ref_id === ids.L4)?.recipient_masked).toMatch(/^g.*@example\.gov\.cn$/);
    expect(mails.find((m) => m.ref_id === ids.L3)?.subject).toBe(
      '【超期】来信 L3 已超过答复期限（2026-10-09）',
    );
    // Unit B has no e-mail address: recorded, not mailed.
    expect(mails.some((m) => m.ref_id === ids.L7)).toBe(false);
  });

  it('a second run the same day records nothing', async () => {
    expect(await make().run('2026-10-12')).toEqual({ recorded: 0, already: 6, mailed: 0 });
    expect(await count('audit_events')).toBe(6);
    expect(await count('mail_outbox')).toBe(5);
  });

  it('two processes at once record each reminder once', async () => {
    // PostgreSQL: a second pool, as another process would have. SQLite (better-sqlite3 is synchronous): two
    // connections in one process would block each other's event loop, so both runs share the handle and
    // interleave their transactions as two processes' would be serialised by the database lock.
    const second =
      ENGINE === 'postgres' ? openDatabase({ url: app.url, poolMax: 3, onIdleError: () => {} }) : null;
    try {
      const [a, b] = await Promise.all([
        make().run('2026-10-13'),
        make(second?.db ?? app.db).run('2026-10-13'),
      ]);
      expect(a.recorded + b.recorded).toBe(7);
      expect(a.already + b.already).toBe(7);
      expect(a.mailed + b.mailed).toBe(6); // all but L7 (unit B has no address)
    } finally {
      await second?.close();
    }
    expect(await reminders('2026-10-13')).toEqual([
      { reference: 'L1', kind: 'due_soon' },
      { reference: 'L2', kind: 'due_soon' },
      { reference: 'L3', kind: 'overdue' },
      { reference: 'L4', kind: 'overdue' },
      { reference: 'L7', kind: 'overdue' },
      { reference: 'L8', kind: 'overdue' },
      { reference: 'L9', kind: 'overdue' },
    ]);
    expect(await count('audit_events')).toBe(13);
    expect(await count('mail_outbox')).toBe(11);
  });

  it('the latest reminder of each letter, for the staff queue', async () => {
    const latest = await make().latest([ids.L1!, ids.L2!, ids.L5!]);
    expect(latest.get(ids.L1!)).toEqual({ kind: 'due_soon', day: '2026-10-13' });
    expect(latest.has(ids.L5!)).toBe(false);
    expect((await make().of(ids.L1!)).map((r) => r.day)).toEqual(['2026-10-13', '2026-10-12']);
  });

  it('the overdue list: past the inspection limit first, 找错 apart, scoped by unit', async () => {
    const list = await overdueList(app);
    expect(list.today).toBe('2026-10-12');
    expect(list.letters.map((e) => [e.reference, e.inspection, e.workingDaysLate])).toEqual([
      // (07-07, 10-12]: July 18 + August 21 + September 22 (09-25 中秋 off, 09-20 调休 on) + October 4 (10-10 调休).
      ['L7', true, 65],
      ['L9', false, 57],
      ['L3', false, 2],
    ]);
    expect(list.siteErrors.map((e) => [e.reference, e.pageUrl, e.unitName])).toEqual([
      ['L8', '/columns/3', A.name],
    ]);
    const scoped = await overdueList(app, [A.path]);
    expect(scoped.letters.map((e) => e.reference)).toEqual(['L9', 'L3']);
  });

  it('the 3-month limit of 国办秘函〔2019〕19号 counts calendar months', () => {
    expect(addMonths('2026-07-12', 3)).toBe('2026-10-12');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(pastInspectionLimit('2026-07-12', '2026-10-12')).toBe(false);
    expect(pastInspectionLimit('2026-07-12', '2026-10-13')).toBe(true);
  });
});
