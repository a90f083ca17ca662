/** entryDates: which 公布 / 施行 / 有效期至 an entry gets, and where its 有效期至 comes from, in priority order. */
import { describe, expect, it } from 'vitest';
import { addMonths, entryDates, lastDayOfYears } from './policy-publication.ts';

const RULE = { validityYears: 5, provisionalValidityYears: 2 };
const dates = (over: Partial<Parameters<typeof entryDates>[0]> = {}) =>
  entryDates({
    meta: {},
    publicationDay: '2026-03-02',
    text: '',
    title: '某某管理办法',
    rule: RULE,
    ...over,
  });

describe('entryDates', () => {
  it('without anything: published and in force on the publication day, 有效期 by the rule', () => {
    expect(dates()).toEqual({
      publishedOn: '2026-03-02',
      effectiveOn: '2026-03-02',
      expiresOn: '2031-03-01',
      expirySource: 'rule',
      registrationNumber: null,
    });
  });
  it('the form wins over the text, the text over the rule', () => {
    const text = '本办法自2026年4月1日起施行，有效期至2027年12月31日。登记号 HHCR-2026-01001';
    expect(
      dates({
        meta: {
          publishedOn: '2026-02-20',
          effectiveOn: '2026-03-01',
          expiresOn: '2030-01-01',
          registrationNumber: 'X',
        },
        text,
      }),
    ).toMatchObject({
      publishedOn: '2026-02-20',
      effectiveOn: '2026-03-01',
      expiresOn: '2030-01-01',
      expirySource: 'metadata',
      registrationNumber: 'X',
    });
    expect(dates({ text })).toMatchObject({
      effectiveOn: '2026-04-01',
      expiresOn: '2027-12-31',
      expirySource: 'text',
      registrationNumber: 'HHCR-2026-01001',
    });
  });
  it('有效期X年 runs from the 施行日期 (form or text) and ends the day before the anniversary', () => {
    expect(dates({ text: '本办法自2026年4月1日起施行，有效期五年。' })).toMatchObject({
      expiresOn: '2031-03-31',
      expirySource: 'text',
    });
    expect(dates({ meta: { effectiveOn: '2026-05-10' }, text: '有效期为3年' })).toMatchObject({
      expiresOn: '2029-05-09',
      expirySource: 'text',
    });
  });
  it('自印发之日起施行 = the 公布日期 (form, else the publication day)', () => {
    expect(dates({ meta: { publishedOn: '2026-02-20' }, text: '本意见自印发之日起施行。' }).effectiveOn).toBe(
      '2026-02-20',
    );
    expect(dates({ text: '自发布之日起施行' }).effectiveOn).toBe('2026-03-02');
  });
  it('暂行 / 试行 use the provisional rule; a rule of 0 infers nothing', () => {
    expect(dates({ title: '某某管理暂行办法' })).toMatchObject({
      expiresOn: '2028-03-01',
      expirySource: 'rule',
    });
    expect(dates({ title: '某某办法（试行）' })).toMatchObject({
      expiresOn: '2028-03-01',
      expirySource: 'rule',
    });
    expect(dates({ rule: { validityYears: 0, provisionalValidityYears: 2 } })).toMatchObject({
      expiresOn: null,
      expirySource: 'none',
    });
  });
  it('two different 有效期 clauses in the text: none is taken, the rule applies', () => {
    expect(dates({ text: '有效期至2027年1月1日。……有效期至2028年1月1日。' })).toMatchObject({
      expirySource: 'rule',
      expiresOn: '2031-03-01',
    });
  });
});

describe('date arithmetic', () => {
  it('lastDayOfYears: 有效期5年 from 2020-06-03 is valid through 2025-06-02 (失效 2025-06-03)', () => {
    expect(lastDayOfYears('2020-06-03', 5)).toBe('2025-06-02');
    expect(lastDayOfYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(lastDayOfYears('2024-02-29', 4)).toBe('2028-02-28');
    expect(lastDayOfYears('2020-12-31', 1)).toBe('2021-12-30');
  });
  it('addMonths clamps to the month end and crosses years', () => {
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2026-02-15', -6)).toBe('2025-08-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});
