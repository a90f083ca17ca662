import { describe, expect, it } from 'vitest';
import { findDeadlines, normaliseDeadline, pickDeadline } from './deadline.ts';
import type { Deadline } from './types.ts';

describe('normaliseDeadline', () => {
  const cases: [string, number | null, Deadline][] = [
    ['2022年底前', 2022, { date: '2022-12-31' }],
    ['2022年底', null, { date: '2022-12-31' }],
    ['2022 年底前', null, { date: '2022-12-31' }],
    ['年底前', 2022, { date: '2022-12-31' }],
    ['年底前', 2023, { date: '2023-12-31' }],
    ['年底前', null, { text: '年底前' }],
    ['年内', 2017, { date: '2017-12-31' }],
    ['2017年内', null, { date: '2017-12-31' }],
    ['9月底前', 2022, { date: '2022-09-30' }],
    ['6月底前', 2022, { date: '2022-06-30' }],
    ['2月底前', 2024, { date: '2024-02-29' }],
    ['2月底前', 2023, { date: '2023-02-28' }],
    ['九月底前', 2022, { date: '2022-09-30' }],
    ['9月底前', null, { text: '9月底前' }],
    ['2022年10月底前', 2030, { date: '2022-10-31' }],
    ['2023年1月31日前', 2022, { date: '2023-01-31' }],
    ['１２月１５日前', 2017, { date: '2017-12-15' }],
    ['第三季度末前', 2022, { date: '2022-09-30' }],
    ['上半年', 2022, { date: '2022-06-30' }],
    ['2022-11-30', null, { date: '2022-11-30' }],
    ['每年1月31日前', 2022, { recurrence: 'yearly' }],
    ['每年年底前', 2022, { recurrence: 'yearly' }],
    ['每年', null, { recurrence: 'yearly' }],
    ['每季度', 2022, { recurrence: 'quarterly' }],
    ['按季度更新', 2022, { recurrence: 'quarterly' }],
    ['每月', 2022, { recurrence: 'monthly' }],
    ['每月更新', 2022, { recurrence: 'monthly' }],
    ['实时', 2022, { recurrence: 'realtime' }],
    ['实时更新', 2022, { recurrence: 'realtime' }],
    ['持续推进', 2022, { recurrence: 'continuous' }],
    ['长期', 2022, { recurrence: 'continuous' }],
    ['15个工作日内', 2022, { text: '15个工作日内' }],
    ['十五个工作日内', 2022, { text: '15个工作日内' }],
    ['3年内', 2022, { text: '3年内' }],
    ['3个月内', 2022, { text: '3个月内' }],
    ['按上级要求', 2022, { text: '按上级要求' }],
    ['13月底前', 2022, { text: '13月底前' }],
    ['', 2022, null],
    ['   ', 2022, null],
  ];

  it.each(cases)('%s (year %s)', (text, year, expected) => {
    expect(normaliseDeadline(text, year)).toEqual(expected);
  });
});

describe('findDeadlines and pickDeadline in running text', () => {
  it('ignores cell-only words such as 持续推进 and 实时 in prose', () => {
    const text = '持续推进反垄断执法信息公开，实行首问负责、实时公开、全程监察等服务公开制度。';
    expect(findDeadlines(text, 2022)).toEqual([]);
  });

  it('takes the earliest date and explains the choice', () => {
    const hits = findDeadlines('2022年底前推出示范区，在2022年10月底前报送建设情况。', 2022);
    const { deadline, notes } = pickDeadline(hits, 2022);
    expect(deadline).toEqual({ date: '2022-10-31' });
    expect(notes).toEqual(['发现多个时限（2022年底前、2022年10月底前），取“2022年10月底前”']);
  });

  it('notes when the plan year completed a date', () => {
    const { deadline, notes } = pickDeadline(findDeadlines('于6月底前更新申请指南。', 2022), 2022);
    expect(deadline).toEqual({ date: '2022-06-30' });
    expect(notes).toEqual(['“6月底前”未写年份，按计划年度2022年推定']);
  });

  it('prefers a recurrence over a relative period, and returns null when nothing is found', () => {
    const hits = findDeadlines('每年年底前集中公开，答复期限为15个工作日内。', 2022);
    expect(pickDeadline(hits, 2022).deadline).toEqual({ recurrence: 'yearly' });
    expect(pickDeadline(findDeadlines('加强组织保障。', 2022), 2022)).toEqual({ deadline: null, notes: [] });
  });

  it('does not read a year count ("1年内") or a plain year ("从2022年开始") as a year-end date', () => {
    expect(findDeadlines('从2022年开始，1年内解读不少于1次。', 2022).map((h) => h.deadline)).toEqual([
      { text: '1年内' },
    ]);
  });
});
