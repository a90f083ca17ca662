import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors.ts';
import { SettingRegistry } from './setting.ts';
import { GROUP, LIMIT, OFFICE, PAIR } from './settings.fixtures.ts';
import { parseSettingsForm, settingsFormValues } from './settings-form.ts';
import { ancestorIds, decodeSetting, storageKey } from './settings-store.ts';

const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).problems;
  }
  throw new Error('expected a validation error');
};

describe('setting registry', () => {
  it('registers a group once and refuses a second definition of a key or a malformed key', () => {
    const r = new SettingRegistry();
    expect(r.register(GROUP)).toBe(GROUP);
    expect(r.register(GROUP)).toBe(GROUP);
    expect(r.get('test.office')).toBe(OFFICE);
    expect(r.all()).toHaveLength(2);
    expect(() => r.register({ again: { ...OFFICE } })).toThrow(/defined twice/);
    for (const key of ['office', 'test.Office', 'test.12', 'test..x'])
      expect(() => r.register({ bad: { ...OFFICE, key } })).toThrow(/dotted lower-case/);
  });
});

describe('parseSettingsForm', () => {
  it('reads every setting of the group; empty = no value of its own', () => {
    expect(parseSettingsForm(GROUP, { answerDays: ' 15 ', office: '县政府办' })).toEqual({
      limit: 15,
      office: '县政府办',
    });
    expect(parseSettingsForm(GROUP, { answerDays: '', office: '' })).toEqual({ limit: null, office: null });
    expect(parseSettingsForm(GROUP, undefined)).toEqual({ limit: null, office: null });
  });

  it('lists every problem at once, each on its field and naming it', () => {
    expect(problemsOf(() => parseSettingsForm(GROUP, { answerDays: '30', office: '很'.repeat(11) }))).toEqual(
      [
        { field: 'answerDays', message: '答复期限（工作日）不能大于 20' },
        { field: 'office', message: '受理机构不能超过 10 个字符' },
      ],
    );
  });

  it('puts a problem of the whole setting on its first field and replaces messages a clerk cannot read', () => {
    expect(problemsOf(() => parseSettingsForm({ pair: PAIR }, { low: '3', high: '2' }))).toEqual([
      { field: 'low', message: '下限必须小于上限' },
    ]);
    expect(problemsOf(() => parseSettingsForm({ pair: PAIR }, { low: 'x', high: '2' }))).toEqual([
      { field: 'low', message: '区间填写有误' },
    ]);
  });

  it('runs the rules across settings once each setting parsed', () => {
    const check = (v: { limit: number | null }) =>
      v.limit === 7 ? [{ field: 'answerDays', message: '答复期限不能是 7 个工作日' }] : [];
    expect(problemsOf(() => parseSettingsForm(GROUP, { answerDays: '7' }, check))).toEqual([
      { field: 'answerDays', message: '答复期限不能是 7 个工作日' },
    ]);
    expect(parseSettingsForm(GROUP, { answerDays: '8' }, check).limit).toBe(8);
  });

  it('shows values in the form and reads them back', () => {
    const form = settingsFormValues(GROUP, { limit: 12, office: null });
    expect(form).toEqual({ answerDays: 12, office: null });
    expect(parseSettingsForm(GROUP, form)).toEqual({ limit: 12, office: null });
  });
});

describe('stored values', () => {
  it('decodes JSON against the schema; missing, unreadable or invalid is unset unless recoverable', () => {
    expect(decodeSetting(LIMIT, '15')).toBe(15);
    expect(decodeSetting(LIMIT, undefined)).toBeNull();
    expect(decodeSetting(LIMIT, '{oops')).toBeNull();
    expect(decodeSetting(LIMIT, '99')).toBeNull();
    expect(decodeSetting(PAIR, '{"low":1}')).toEqual({ low: 0, high: 0 });
  });

  it('keys a unit’s own value by unit; a site setting has no unit value', () => {
    expect(storageKey(LIMIT)).toBe('test.answer_working_days');
    expect(storageKey(LIMIT, 12)).toBe('test.answer_working_days.12');
    expect(() => storageKey(OFFICE, 12)).toThrow(/site-wide/);
    expect(ancestorIds('/1/4/9/', 9)).toEqual([4, 1]);
  });
});
