/**
 * A correction (更正) of a published library document reaches the library in the correction's transaction
 * (publishing's 'corrected' hook): the entry follows a corrected 有效期至 and 登记号, the 公布日期 stays,
 * the state is recomputed; a correction of an ordinary 政府信息 creates no entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import type { Policies } from './policies.services.ts';

const policy = (over: Record<string, unknown> = {}) =>
  documentInput({
    kind: 'normative',
    title: '测试县殡葬管理办法',
    'meta.registrationNumber': 'CSDR-2026-01009',
    'meta.interpretationPlan': '同步起草文字解读。',
    'meta.effectiveOn': '2026-03-02',
    'meta.expiresOn': '2031-03-01',
    ...over,
  });

describe(`library entries follow corrections on ${ENGINE}`, () => {
  let app: TestApp;
  let policies: Policies;
  let county: Unit;
  let staff: Staff;
  beforeEach(async () => {
    app = await createTestApp(); // 2026-03-02 in China
    policies = (app as unknown as { policies: Policies }).policies;
    county = (await buildCounty(app)).county;
    staff = await buildStaff(app, county);
  });
  afterEach(async () => app.destroy());

  it('a corrected 有效期至 and 登记号 update the entry and its state; the 公布日期 stays', async () => {
    const id = await publishDocument(app.publishing, county, staff, policy());
    expect(await policies.ledger.entries.find(id)).toMatchObject({
      expires_on: '2031-03-01',
      state: 'in_force',
    });
    app.clock.set(new Date('2026-05-11T02:00:00Z'));
    await app.publishing.documents.correctPublished(
      staff.reviewer,
      id,
      policy({ 'meta.expiresOn': '2026-04-30', 'meta.registrationNumber': 'CSDR-2026-01010' }),
      '有效期至和登记号录入有误',
    );
    expect(await policies.ledger.entries.find(id)).toMatchObject({
      expires_on: '2026-04-30',
      expiry_source: 'metadata',
      registration_number: 'CSDR-2026-01010',
      published_on: '2026-03-02',
      state: 'expired',
    });
    // Audited with the correction, in its transaction.
    const actions = (
      await app.db.selectFrom('audit_events').select('action').orderBy('id', 'desc').limit(3).execute()
    ).map((a) => a.action);
    expect(actions).toContain('policy.entry');
    expect(actions).toContain('document.correct');
  });

  it('a correction of an ordinary 政府信息 creates no library entry', async () => {
    const id = await publishDocument(app.publishing, county, staff, documentInput({ title: '一般通知' }));
    await app.publishing.documents.correctPublished(
      staff.reviewer,
      id,
      documentInput({ title: '一般通知（更正）' }),
      '标题',
    );
    expect(await policies.ledger.entries.find(id)).toBeUndefined();
  });
});
