/**
 * The validity lifecycle through the real services on a real database: the published hook (entries with
 * each expiry source, 废止 / 修改 of a publishing document's targets), the ledger's refusals, point in
 * time, the daily job (失效, 评估, idempotent) and the pre-publication checks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, SYSTEM } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { Publishing } from '../publishing/publishing.services.ts';
import type { Policies } from './policies.services.ts';
import { EXPIRY_CHECK, REGISTRATION_CHECK, registrationMatches } from './policy-checks.ts';
import { addMonths, lastDayOfYears } from './policy-publication.ts';
import { LIBRARY_SETTINGS } from './policy-settings.ts';

const policyInput = (over: Record<string, unknown> = {}) => ({
  kind: 'normative',
  title: '测试县农村低保管理办法',
  'meta.registrationNumber': 'CSDR-2026-01001',
  'meta.interpretationPlan': '由起草单位同步起草文字解读。',
  bodyHtml: '<p>第一条 为规范农村低保管理，制定本办法。</p>',
  ...over,
});

describe(`validity lifecycle on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let policies: Policies;
  let county: Unit;
  let dept: Unit;
  let staff: Staff;
  beforeEach(async () => {
    app = await createTestApp(); // 2026-03-02 10:00 in China
    pub = app.publishing;
    policies = (app as unknown as { policies: Policies }).policies;
    ({ county, dept } = await buildCounty(app));
    staff = await buildStaff(app, county);
  });
  afterEach(async () => app.destroy());

  const publish = (over: Record<string, unknown> = {}) =>
    publishDocument(pub, county, staff, policyInput(over));
  const entry = (id: number) => policies.ledger.entries.find(id);
  const count = async (
    table: 'policy_validity_events' | 'audit_events' | 'policy_evaluations' | 'policy_entries',
  ) =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = (action: string) =>
    app.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
  const setToday = (iso: string) => app.clock.set(new Date(`${iso}T02:00:00Z`));

  describe('the published hook', () => {
    it('creates the entry from the metadata (有效期至 from the form: official) and audits it', async () => {
      const id = await publish({ 'meta.expiresOn': '2031-03-01', 'meta.effectiveOn': '2026-03-02' });
      expect(await entry(id)).toMatchObject({
        kind: 'normative',
        title: '测试县农村低保管理办法',
        doc_number: '张政办发〔2026〕3号',
        issuers: '测试县人民政府办公室',
        registration_number: 'CSDR-2026-01001',
        topic_id: 1,
        published_on: '2026-03-02',
        effective_on: '2026-03-02',
        expires_on: '2031-03-01',
        expiry_source: 'metadata',
        state: 'in_force',
        certainty: 'official',
        state_since: '2026-03-02',
      });
      const [a] = await audits('policy.entry');
      expect(a?.target_id).toBe(String(id));
      expect(a?.summary).toContain('有效期至 2031-03-01');
      const doc = await app.db
        .selectFrom('documents')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(doc.validity).toBe('valid');
    });

    it('reads 施行 and 有效期X年 from the text: X years from the 施行日期, minus one day (text)', async () => {
      const id = await publish({ bodyHtml: '<p>本办法自2026年3月10日起施行，有效期5年。</p>' });
      expect(await entry(id)).toMatchObject({
        effective_on: '2026-03-10',
        expires_on: '2031-03-09',
        expiry_source: 'text',
        state: 'not_yet_effective',
      });
      expect((await policies.ledger.stateOn(id, '2026-03-10'))?.state).toBe('in_force');
      expect((await policies.ledger.stateOn(id, '2031-03-09'))?.state).toBe('in_force');
      expect(await policies.ledger.stateOn(id, '2031-03-10')).toMatchObject({
        state: 'expired',
        certainty: 'official',
      });
    });

    it('reads 有效期至 from the text, and 自印发之日起施行 means the 公布日期', async () => {
      const id = await publish({
        'meta.publishedOn': '2026-02-20',
        bodyHtml: '<p>本意见自印发之日起施行，有效期至2028年12月31日。</p>',
      });
      expect(await entry(id)).toMatchObject({
        published_on: '2026-02-20',
        effective_on: '2026-02-20',
        expires_on: '2028-12-31',
        expiry_source: 'text',
        state: 'in_force',
      });
    });

    it('infers the 有效期 from the unit’s rule (5 years; 暂行 2 years), none when the rule is 0', async () => {
      const plain = await publish();
      expect(await entry(plain)).toMatchObject({ expires_on: '2031-03-01', expiry_source: 'rule' });
      const provisional = await publish({ title: '测试县农村低保管理暂行办法' });
      expect(await entry(provisional)).toMatchObject({ expires_on: '2028-03-01', expiry_source: 'rule' });
      await policies.deps.settings.write(
        SYSTEM,
        LIBRARY_SETTINGS,
        { validityYears: 0 },
        {
          unitId: county.id,
          audit: { action: 'settings.update', summary: '测试' },
        },
      );
      const none = await publish({ title: '测试县另一办法' });
      expect(await entry(none)).toMatchObject({ expires_on: null, expiry_source: 'none' });
      // A department follows its county unless it has its own value.
      const inherited = await publishDocument(pub, dept, staff, policyInput({ title: '测试县发改局办法' }));
      expect(await entry(inherited)).toMatchObject({ expires_on: null, expiry_source: 'none' });
      await policies.deps.settings.write(
        SYSTEM,
        LIBRARY_SETTINGS,
        { validityYears: 3 },
        { unitId: dept.id, audit: { action: 'settings.update', summary: '测试' } },
      );
      const own = await publishDocument(pub, dept, staff, policyInput({ title: '测试县发改局另一办法' }));
      expect(await entry(own)).toMatchObject({ expires_on: '2029-03-01', expiry_source: 'rule' });
    });

    it('ignores documents outside the library', async () => {
      const before = await count('policy_entries');
      await publishDocument(pub, county, staff, documentInput());
      expect(await count('policy_entries')).toBe(before);
    });

    it('a published repealing document makes its target 已废止, with the source; a second one is skipped and audited', async () => {
      const target = await publish({ 'meta.effectiveOn': '2026-03-02' });
      const repealing = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ title: '关于废止《测试县农村低保管理办法》的决定' })),
      );
      await pub.relations.addRelation(staff.clerk, repealing.id, { type: 'repeals', toId: target });
      await pub.review.submit(staff.clerk, repealing.id);
      await pub.review.reviewConfidentiality(staff.confidentiality, repealing.id, { conclusion: 'disclose' });
      await pub.review.approve(staff.reviewer, repealing.id);
      expect(await entry(target)).toMatchObject({ state: 'repealed', state_since: '2026-03-02' });
      const events = await policies.ledger.entries.events(target);
      expect(events).toMatchObject([
        {
          event_type: 'repealed',
          occurs_on: '2026-03-02',
          source_document_id: repealing.id,
          source_title: '关于废止《测试县农村低保管理办法》的决定',
          certainty: 'official',
        },
      ]);
      const doc = await app.db
        .selectFrom('documents')
        .selectAll()
        .where('id', '=', target)
        .executeTakeFirstOrThrow();
      expect(doc.validity).toBe('repealed');
      expect(doc.repealed_on).toBe('2026-03-02');

      const second = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ title: '关于再次废止的决定' })),
      );
      await pub.relations.addRelation(staff.clerk, second.id, { type: 'repeals', toId: target });
      await pub.review.submit(staff.clerk, second.id);
      await pub.review.reviewConfidentiality(staff.confidentiality, second.id, { conclusion: 'disclose' });
      await pub.review.approve(staff.reviewer, second.id);
      expect(
        (
          await app.db
            .selectFrom('documents')
            .select('state')
            .where('id', '=', second.id)
            .executeTakeFirstOrThrow()
        ).state,
      ).toBe('published');
      expect(await policies.ledger.entries.events(target)).toHaveLength(1);
      const [skipped] = await audits('policy.validity_event_skipped');
      expect(skipped?.target_id).toBe(String(target));
      expect(skipped?.summary).toContain('已废止');
    });

    it('a published amending document records 修改 on its target from its 施行日期 (here read from its text)', async () => {
      const target = await publish();
      const amending = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(
          policyInput({
            title: '关于修改《测试县农村低保管理办法》的决定',
            bodyHtml: '<p>本决定自2026年4月1日起施行。</p>',
          }),
        ),
      );
      await pub.relations.addRelation(staff.clerk, amending.id, { type: 'amends', toId: target });
      await pub.review.submit(staff.clerk, amending.id);
      await pub.review.reviewConfidentiality(staff.confidentiality, amending.id, { conclusion: 'disclose' });
      await pub.review.approve(staff.reviewer, amending.id);
      expect(await policies.ledger.entries.events(target)).toMatchObject([
        { event_type: 'amended', occurs_on: '2026-04-01', source_document_id: amending.id },
      ]);
      expect((await entry(target))?.state).toBe('in_force'); // the 修改 takes effect on 2026-04-01
      expect((await policies.ledger.stateOn(target, '2026-04-01'))?.state).toBe('amended');
    });

    it('a withdrawn document keeps its entry', async () => {
      const id = await publish();
      await pub.review.withdraw(staff.reviewer, id, { reason: 'publishing_error' });
      expect(await entry(id)).toBeDefined();
    });
  });

  describe('the ledger', () => {
    it('records each event from a state that allows it, and refuses the others naming the field, writing nothing', async () => {
      const id = await publish({ 'meta.effectiveOn': '2026-03-02' });
      const before = [await count('policy_validity_events'), await count('audit_events')];
      await expect(
        policies.ledger.record(staff.reviewer, id, { type: 'resumed', occursOn: '2026-03-05' }),
      ).rejects.toMatchObject({ code: 'validation', problems: [{ field: 'type' }] });
      await expect(
        policies.ledger.record(staff.reviewer, id, { type: 'repealed', occursOn: '2026-03-05' }),
      ).rejects.toMatchObject({ problems: [{ field: 'sourceDocumentId' }] });
      await expect(
        policies.ledger.record(staff.reviewer, id, { type: 'suspended', occursOn: '2026-02-01' }),
      ).rejects.toMatchObject({
        problems: expect.arrayContaining([
          { field: 'occursOn', message: '发生日期不能早于文件的公布日期 2026-03-02' },
        ]),
      });
      await expect(
        policies.ledger.record(staff.clerk, id, { type: 'suspended', occursOn: '2026-03-05' }),
      ).rejects.toMatchObject({ code: 'forbidden' });
      expect([await count('policy_validity_events'), await count('audit_events')]).toEqual(before);

      await policies.ledger.record(staff.reviewer, id, { type: 'suspended', occursOn: '2026-03-02' });
      expect((await entry(id))?.state).toBe('suspended');
      await policies.ledger.record(staff.reviewer, id, {
        type: 'amended',
        occursOn: '2026-03-02',
        sourceTitle: '关于修改的决定',
      });
      expect((await entry(id))?.state).toBe('suspended');
      await policies.ledger.record(staff.reviewer, id, { type: 'resumed', occursOn: '2026-03-02' });
      expect((await entry(id))?.state).toBe('amended');
      await policies.ledger.record(staff.reviewer, id, {
        type: 'partially_invalid',
        occursOn: '2026-03-02',
        sourceTitle: '部分条款失效的决定',
      });
      const declared = await policies.ledger.record(staff.reviewer, id, {
        type: 'declared_invalid',
        occursOn: '2026-03-02',
        sourceTitle: '宣布失效的决定',
      });
      expect(await entry(id)).toMatchObject({ state: 'expired', certainty: 'official' });
      expect(await audits('policy.validity_event')).toHaveLength(5);
      const n = await count('policy_validity_events');
      await expect(
        policies.ledger.record(staff.reviewer, id, {
          type: 'repealed',
          occursOn: '2026-03-02',
          sourceTitle: 'x',
        }),
      ).rejects.toMatchObject({ problems: [{ field: 'type' }] });
      expect(await count('policy_validity_events')).toBe(n);

      await policies.ledger.cancel(staff.reviewer, declared, { reason: '录入错误' });
      expect((await entry(id))?.state).toBe('partially_invalid');
      // Only a 文号: the published document with that 文号 becomes the source.
      const decision = await publishDocument(
        pub,
        county,
        staff,
        documentInput({ title: '关于宣布失效的决定', docNumber: '张政发〔2026〕9号' }),
      );
      await policies.ledger.record(staff.reviewer, id, {
        type: 'declared_invalid',
        occursOn: '2026-03-02',
        sourceDocNumber: '张政发[2026]9号',
      });
      const last = (await policies.ledger.entries.events(id)).at(-1);
      expect(last).toMatchObject({ source_document_id: decision, source_title: '关于宣布失效的决定' });
      await policies.ledger.cancel(staff.reviewer, last!.id, { reason: '测试' });
      expect((await entry(id))?.state).toBe('partially_invalid');
      expect((await policies.ledger.entries.history(id)).length).toBe(6);
    });
  });

  describe('the daily job', () => {
    it('raises the 评估 once, records 失效 the day after 有效期至 (official), and is idempotent', async () => {
      const id = await publish({ 'meta.effectiveOn': '2026-03-02', 'meta.expiresOn': '2026-03-31' });
      const r1 = await policies.expiry.runDaily();
      expect(r1).toMatchObject({ evaluations: 1, expired: 0 });
      expect(await policies.expiry.runDaily()).toBeNull();
      expect(await policies.expiry.sweep('2026-03-02')).toMatchObject({
        evaluations: 0,
        expired: 0,
        updated: 0,
      });
      const evaluations = await app.db.selectFrom('policy_evaluations').selectAll().execute();
      expect(evaluations).toMatchObject([
        { document_id: id, expires_on: '2026-03-31', state: 'open', raised_on: '2026-03-02' },
      ]);
      expect(await audits('policy.evaluation_raise')).toHaveLength(1);

      setToday('2026-03-31');
      expect(await policies.expiry.runDaily()).toMatchObject({ evaluations: 0, expired: 0 });
      expect((await entry(id))?.state).toBe('in_force');

      setToday('2026-04-01');
      expect(await policies.expiry.runDaily()).toMatchObject({ expired: 1 });
      expect(await policies.ledger.entries.events(id)).toMatchObject([
        { event_type: 'expired', occurs_on: '2026-04-01', certainty: 'official', created_by: null },
      ]);
      expect(await entry(id)).toMatchObject({ state: 'expired', state_since: '2026-04-01' });
      const snapshot = [
        await count('policy_validity_events'),
        await count('audit_events'),
        await count('policy_evaluations'),
      ];
      setToday('2026-04-02');
      expect(await policies.expiry.runDaily()).toMatchObject({ expired: 0, evaluations: 0, updated: 0 });
      expect(await policies.expiry.sweep('2026-04-02')).toMatchObject({
        expired: 0,
        evaluations: 0,
        updated: 0,
      });
      expect([
        await count('policy_validity_events'),
        await count('audit_events'),
        await count('policy_evaluations'),
      ]).toEqual(snapshot);
    });

    it('a rule expiry is recorded as inferred; an entry whose 施行日期 arrives is updated once', async () => {
      await policies.deps.settings.write(
        SYSTEM,
        LIBRARY_SETTINGS,
        { validityYears: 1 },
        {
          unitId: county.id,
          audit: { action: 'settings.update', summary: '测试' },
        },
      );
      const id = await publish({ 'meta.effectiveOn': '2026-03-05' });
      expect(await entry(id)).toMatchObject({
        state: 'not_yet_effective',
        expires_on: '2027-03-04',
        expiry_source: 'rule',
      });
      setToday('2026-03-05');
      expect(await policies.expiry.sweep('2026-03-05')).toMatchObject({ updated: 1 });
      expect(await policies.expiry.sweep('2026-03-05')).toMatchObject({ updated: 0 });
      expect((await entry(id))?.state).toBe('in_force');
      setToday('2027-03-05');
      expect(await policies.expiry.sweep('2027-03-05')).toMatchObject({ expired: 1 });
      expect(await policies.ledger.entries.events(id)).toMatchObject([
        { event_type: 'expired', occurs_on: '2027-03-05', certainty: 'inferred' },
      ]);
      expect(await entry(id)).toMatchObject({ state: 'expired', certainty: 'inferred' });
    });

    it('after 有效期至 the ledger refuses events that would not change the state, but takes 废止', async () => {
      const id = await publish({ 'meta.effectiveOn': '2026-03-02', 'meta.expiresOn': '2026-03-31' });
      const n = await count('policy_validity_events');
      await expect(
        policies.ledger.record(staff.reviewer, id, { type: 'suspended', occursOn: '2026-04-01' }),
      ).rejects.toMatchObject({
        problems: [{ field: 'occursOn', message: expect.stringContaining('自 2026-04-01 起已失效') }],
      });
      expect(await count('policy_validity_events')).toBe(n);
      await policies.ledger.record(staff.reviewer, id, {
        type: 'repealed',
        occursOn: '2026-04-10',
        sourceTitle: '废止决定',
      });
      expect((await policies.ledger.stateOn(id, '2026-05-01'))?.state).toBe('repealed');
    });

    it('records 失效 for an entry already stored as 已失效 by the date (a recompute ran first)', async () => {
      const id = await publish({ 'meta.effectiveOn': '2026-03-02', 'meta.expiresOn': '2026-03-31' });
      setToday('2026-04-01');
      await policies.ledger.record(staff.reviewer, id, { type: 'suspended', occursOn: '2026-03-15' });
      expect(await entry(id)).toMatchObject({ state: 'expired', certainty: 'official' });
      expect(await policies.expiry.sweep('2026-04-01')).toMatchObject({ expired: 1 });
      expect((await policies.ledger.entries.events(id)).map((e) => e.event_type)).toEqual([
        'suspended',
        'expired',
      ]);
      expect(await policies.expiry.sweep('2026-04-02')).toMatchObject({ expired: 0, updated: 0 });
    });

    it('does not record 失效 again after a person cancelled it', async () => {
      const id = await publish({ 'meta.effectiveOn': '2026-03-02', 'meta.expiresOn': '2026-03-31' });
      setToday('2026-04-01');
      await policies.expiry.sweep('2026-04-01');
      const [e] = await policies.ledger.entries.events(id);
      await policies.ledger.cancel(staff.reviewer, e!.id, { reason: '有效期已延长' });
      expect(await policies.expiry.sweep('2026-04-02')).toMatchObject({ expired: 0 });
      expect(await policies.ledger.entries.events(id)).toHaveLength(0);
    });
  });

  describe('checks', () => {
    it('warns on a 行政规范性文件 without 登记号 or with one in the wrong format; blocks a past 有效期至', async () => {
      const none = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ 'meta.registrationNumber': '' })),
      );
      const r1 = await pub.review.runChecks(none);
      expect(r1.findings.filter((f) => f.check === REGISTRATION_CHECK)).toMatchObject([
        { severity: 'warn', message: expect.stringContaining('未填写统一登记号') },
      ]);
      const wrong = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ 'meta.registrationNumber': '湘政发规2026-1' })),
      );
      expect(
        (await pub.review.runChecks(wrong)).findings.filter((f) => f.check === REGISTRATION_CHECK),
      ).toMatchObject([{ severity: 'warn', message: expect.stringContaining('不符合') }]);
      const fullWidth = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ 'meta.registrationNumber': 'ＣＳＤＲ－２０２６－０１００１' })),
      );
      expect(
        (await pub.review.runChecks(fullWidth)).findings.filter((f) => f.check === REGISTRATION_CHECK),
      ).toEqual([]);

      const past = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ 'meta.expiresOn': '2026-03-01' })),
      );
      await expect(pub.review.submit(staff.clerk, past.id)).rejects.toThrow(
        /有效期至 2026-03-01 已过，不能发布；请核对有效期至/,
      );
      const inText = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ bodyHtml: '<p>本办法有效期至2025年12月31日。</p>' })),
      );
      expect(
        (await pub.review.runChecks(inText)).findings.filter((f) => f.check === EXPIRY_CHECK),
      ).toMatchObject([{ severity: 'block', location: 'body' }]);
      const today = await pub.documents.createDraft(
        staff.clerk,
        county.id,
        documentInput(policyInput({ 'meta.expiresOn': '2026-03-02' })),
      );
      expect((await pub.review.runChecks(today)).findings.filter((f) => f.check === EXPIRY_CHECK)).toEqual(
        [],
      );
    });
  });
});

describe('date arithmetic', () => {
  it('X years from the 施行日期 end the day before the anniversary', () => {
    expect(lastDayOfYears('2020-06-03', 5)).toBe('2025-06-02');
    expect(lastDayOfYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(lastDayOfYears('2020-01-01', 2)).toBe('2021-12-31');
  });
  it('months back, clamped to the month end', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -6)).toBe('2025-09-30');
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15');
  });
  it('registration numbers are compared normalised', () => {
    expect(registrationMatches('hhcr－2023－01005', '^[A-Z]{2,8}-\\d{4}-\\d{1,6}$')).toBe(true);
    expect(registrationMatches('HHCR 2023 01005', '^[A-Z]{2,8}-\\d{4}-\\d{1,6}$')).toBe(false);
  });
});
