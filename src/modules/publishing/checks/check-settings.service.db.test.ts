import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCounty, buildUser } from '../../../../test/support/factories.ts';
import { buildStaff, documentInput, type Staff } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import type { Unit } from '../../../db/schema.ts';
import type { Publishing } from '../publishing.services.ts';
import { CHECK_SETTINGS_KEY, configToForm, severityField } from './check-settings.service.ts';
import { DEFAULT_PRE_PUBLICATION_CONFIG } from './pre-publication-checks.ts';

describe(`pre-publication check settings on ${ENGINE}`, () => {
  let app: TestApp;
  let pub: Publishing;
  let county: Unit;
  let staff: Staff;
  let admin: Staff['clerk'];
  let deptAdmin: Staff['clerk'];
  beforeEach(async () => {
    app = await createTestApp();
    pub = app.publishing;
    const c = await buildCounty(app);
    county = c.county;
    staff = await buildStaff(app, county);
    admin = (await buildUser(app, county, ['disclosure_admin'])).ctx;
    deptAdmin = (await buildUser(app, c.dept, ['disclosure_admin'])).ctx;
  });
  afterEach(async () => app.destroy());

  const form = (over: Record<string, unknown> = {}) => ({
    ...configToForm(DEFAULT_PRE_PUBLICATION_CONFIG),
    ...over,
  });
  const stored = () =>
    app.database.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', CHECK_SETTINGS_KEY)
      .executeTakeFirst();

  it('a stored severity change makes a previously warning finding block publication', async () => {
    const draft = await pub.documents.createDraft(
      staff.clerk,
      county.id,
      documentInput({ bodyHtml: '<p>有关“南朝鲜”的称谓已更正。</p>' }),
    );
    await pub.review.submit(staff.clerk, draft.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, draft.id, { conclusion: 'disclose' });
    const before = await pub.review.runChecks(draft);
    expect(before.findings.map((f) => [f.check, f.severity])).toEqual([['sensitive-word', 'warn']]);

    await pub.checkSettings.save(admin, form({ [severityField('sensitive-word')]: 'block' }));
    expect(JSON.parse((await stored())!.value).severity['sensitive-word']).toBe('block');
    const refused = await pub.review.approve(staff.reviewer, draft.id).catch((e) => e);
    expect(refused.code).toBe('invalid_transition');
    expect(refused.message).toContain('发布前检查未通过：含有敏感词“南朝鲜”');
    expect((await pub.documentRepo.findById(draft.id))?.state).toBe('approval_review');

    // Off: the check does not run at all, and publication goes through.
    await pub.checkSettings.save(admin, form({ [severityField('sensitive-word')]: 'off' }));
    await pub.review.approve(staff.reviewer, draft.id);
    expect((await pub.documentRepo.findById(draft.id))?.state).toBe('published');
  });

  it('stores lists and audits every change with the values before and after', async () => {
    await pub.checkSettings.save(
      admin,
      form({ sensitiveWords: '甲乙丙\n丁戊', allowedHosts: 'people.com.cn', requiredMetadata: ['title'] }),
    );
    const config = await pub.checkSettings.load();
    expect(config).toMatchObject({
      sensitiveWords: ['甲乙丙', '丁戊'],
      allowedHosts: ['people.com.cn'],
      requiredMetadata: ['title'],
    });
    await pub.checkSettings.save(admin, form({ sensitiveWords: '己' }));
    const events = await app.auditRepo.list({ action: 'publishing.check_settings' }, 10);
    expect(events).toHaveLength(2);
    const latest = events.find((e) => JSON.parse(e.after_json!).sensitiveWords[0] === '己')!;
    expect(JSON.parse(latest.before_json!).sensitiveWords).toEqual(['甲乙丙', '丁戊']);
    expect(latest.target_id).toBe(CHECK_SETTINGS_KEY);
  });

  it('refuses bad input and other people, changing nothing', async () => {
    const bad = await pub.checkSettings
      .save(admin, form({ [severityField('typo')]: 'maybe', allowedHosts: '10.0.0.1' }))
      .catch((e) => e);
    expect(bad.code).toBe('validation');
    expect(bad.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'allowedHosts',
      severityField('typo'),
    ]);
    for (const ctx of [deptAdmin, staff.clerk, staff.reviewer]) {
      const e = await pub.checkSettings.save(ctx, form()).catch((x) => x);
      expect(e.code).toBe('forbidden');
    }
    expect(await stored()).toBeUndefined();
    expect(await app.auditRepo.list({ action: 'publishing.check_settings' }, 10)).toEqual([]);
    expect(await pub.checkSettings.load()).toBe(DEFAULT_PRE_PUBLICATION_CONFIG);
  });
});
