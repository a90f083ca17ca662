import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import { type CallContext, NO_REQUEST, systemActor } from '../actor.ts';
import { AuditLog } from '../audit/audit-log.ts';
import { optionalIntField, optionalText } from '../validation.ts';
import { fieldSetting } from './setting.ts';
import { SettingsStore } from './settings-store.ts';

// 条例 第三十三条: 20 working days (test settings, not a module's)
const DAYS = fieldSetting<number>({
  key: 'test_store.answer_working_days',
  scope: 'unit',
  label: '答复期限（工作日）',
  legalBasis: '条例 第三十三条',
  default: 20,
  schema: z.number().int().min(1).max(20),
  control: { kind: 'text', name: 'days' },
  parse: optionalIntField('答复期限（工作日）', { min: 1, max: 20 }),
});
const INHERITED = { ...DAYS, key: 'test_store.inherited_days', inherit: true };
const TITLE = fieldSetting<string | null>({
  key: 'test_store.title',
  scope: 'site',
  label: '标题',
  legalBasis: '测试',
  default: null,
  schema: z.string().max(5).nullable(),
  control: { kind: 'text', name: 'title' },
  parse: optionalText('标题'),
});
const GROUP = { days: DAYS, inherited: INHERITED };

describe(`settings store on ${ENGINE}`, () => {
  let app: TestApp;
  let store: SettingsStore;
  const ctx: CallContext = { actor: systemActor('设置测试'), meta: NO_REQUEST };
  const audit = { action: 'test.settings', targetType: 'unit', targetId: 9, summary: '修改测试设置' };
  beforeEach(async () => {
    app = await createTestApp();
    store = new SettingsStore({ db: app.database.db, audit: app.audit, clock: app.clock });
  });
  afterEach(async () => app.destroy());

  const rows = async () =>
    (
      await app.database.db
        .selectFrom('settings')
        .select(['key', 'value'])
        .where('key', 'like', 'test_store.%')
        .execute()
    ).sort((a, b) => (a.key < b.key ? -1 : 1));

  it('reads the default, then the site value, the unit’s own value and (inherit) the parent’s', async () => {
    const at = { unitId: 9, ancestorIds: [4, 1] };
    expect(await store.read(DAYS, at)).toBe(20);
    await store.write(ctx, GROUP, { days: 15, inherited: 15 }, { audit });
    expect(await store.readGroup(GROUP, at)).toEqual({ days: 15, inherited: 15 });
    await store.write(ctx, GROUP, { days: 10, inherited: 10 }, { unitId: 4, audit });
    // without inherit a unit does not take its parent's value; with it, the nearest parent's
    expect(await store.readGroup(GROUP, at)).toEqual({ days: 15, inherited: 10 });
    await store.write(ctx, GROUP, { days: 5, inherited: 5 }, { unitId: 9, audit });
    expect(await store.readGroup(GROUP, at)).toEqual({ days: 5, inherited: 5 });
    expect(await store.ownGroup(GROUP, 1)).toEqual({ days: null, inherited: null });
    expect(await store.ownGroup(GROUP, 9)).toEqual({ days: 5, inherited: 5 });
    expect(await store.unitValues(DAYS)).toEqual([
      { unitId: 4, value: 10 },
      { unitId: 9, value: 5 },
    ]);
  });

  it('stores JSON per key, removes a value set to null, and audits own values before and after', async () => {
    await store.write(ctx, GROUP, { days: 12 }, { unitId: 9, audit });
    await store.write(ctx, GROUP, { days: null }, { unitId: 9, audit });
    await store.write(ctx, { title: TITLE }, { title: '申请指南' }, { audit: { ...audit, targetId: 'x' } });
    expect(await rows()).toEqual([{ key: 'test_store.title', value: '"申请指南"' }]);
    expect(await store.read(DAYS, { unitId: 9 })).toBe(20);
    const events = await app.auditRepo.list({ action: 'test.settings' }, 5);
    expect(events.map((e) => [e.before_json, e.after_json])).toEqual([
      ['{"title":null}', '{"title":"申请指南"}'],
      ['{"days":12}', '{"days":null}'],
      ['{"days":null}', '{"days":12}'],
    ]);
  });

  it('treats an unreadable or no longer valid stored value as unset', async () => {
    await app.database.db
      .insertInto('settings')
      .values([
        { key: 'test_store.answer_working_days.9', value: '{oops', updated_at: '2026-03-02T00:00:00Z' },
        { key: 'test_store.answer_working_days', value: '99', updated_at: '2026-03-02T00:00:00Z' },
      ])
      .execute();
    expect(await store.read(DAYS, { unitId: 9 })).toBe(20);
    expect(await store.unitValues(DAYS)).toEqual([]);
  });

  it('refuses a value its schema refuses, naming the field, and stores nothing', async () => {
    const e = await store
      .write(ctx, { title: TITLE }, { title: '太长的一个标题' }, { audit })
      .catch((x) => x);
    expect(e.code).toBe('validation');
    expect(e.problems).toEqual([{ field: 'title', message: '标题的值无效' }]);
    await expect(store.write(ctx, { title: TITLE }, { title: 'x' }, { unitId: 3, audit })).rejects.toThrow(
      /site-wide/,
    );
    expect(await rows()).toEqual([]);
    expect(await app.auditRepo.list({ action: 'test.settings' }, 5)).toEqual([]);
  });

  it('writes the values and the audit event in one transaction', async () => {
    const failing = new AuditLog(
      {
        append: async () => {
          throw new Error('audit log unavailable');
        },
      } as never,
      app.clock,
    );
    const broken = new SettingsStore({ db: app.database.db, audit: failing, clock: app.clock });
    await expect(broken.write(ctx, GROUP, { days: 3 }, { unitId: 9, audit })).rejects.toThrow(/unavailable/);
    expect(await rows()).toEqual([]);
  });
});
