import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isWeekend } from './dates.ts';
import { getSeedYears, SEED_YEARS, seedYearsFromChineseDays } from './seed-data.ts';

const seeds = getSeedYears();
const byYear = (year: number) => seeds.find((y) => y.year === year);

describe('seedYearsFromChineseDays', () => {
  it('returns exactly the years chinese-days 1.5.7 covers (2004–2026), not 2027', () => {
    expect(seeds.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(byYear(2027)).toBeUndefined();
    expect(byYear(2003)).toBeUndefined();
  });

  it('marks every year as seed data', () => {
    expect(seeds.every((y) => y.source === 'seed')).toBe(true);
  });

  it('keeps only weekdays as holidays and only weekend days as make-up days', () => {
    for (const y of seeds) {
      for (const d of y.holidays) expect(isWeekend(d), d).toBe(false);
      for (const d of y.workdays) expect(isWeekend(d), d).toBe(true);
    }
  });

  it.each([
    [2024, '2024-02', ['2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16']],
    [2024, '2024-10', ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07']],
    [
      2025,
      '2025-0[12]',
      ['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04'],
    ],
    [2025, '2025-10', ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']],
    [2026, '2026-02', ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23']],
    [
      2026,
      '2026-(09|10)',
      ['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    ],
  ])('%i holidays matching %s', (year, monthPattern, expected) => {
    const pattern = new RegExp(`^${monthPattern}-`);
    expect([...(byYear(year)?.holidays ?? [])].filter((d) => pattern.test(d)).sort()).toEqual(expected);
  });

  it.each([
    [
      2024,
      [
        '2024-02-04',
        '2024-02-18',
        '2024-04-07',
        '2024-04-28',
        '2024-05-11',
        '2024-09-14',
        '2024-09-29',
        '2024-10-12',
      ],
    ],
    [2025, ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']],
    [2026, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']],
  ])('%i make-up working days', (year, expected) => {
    expect([...(byYear(year)?.workdays ?? [])].sort()).toEqual(expected);
  });

  it('agrees with the static tables shipped in the package (whatever the process time zone)', () => {
    // The package also ships its tables as JSON with plain date keys; deriving from them needs no dates.
    const require = createRequire(import.meta.url);
    const file = require.resolve('chinese-days/dist/chinese-days.json');
    const tables = JSON.parse(readFileSync(file, 'utf8')) as {
      holidays: Record<string, string>;
      workdays: Record<string, string>;
    };
    for (const y of seeds) {
      const inYear = (d: string) => d.startsWith(`${y.year}-`);
      const holidays = Object.keys(tables.holidays).filter((d) => inYear(d) && !isWeekend(d));
      const workdays = Object.keys(tables.workdays).filter((d) => inYear(d) && isWeekend(d));
      expect([...y.holidays].sort(), `holidays ${y.year}`).toEqual(holidays.sort());
      expect([...y.workdays].sort(), `workdays ${y.year}`).toEqual(workdays.sort());
    }
  });

  it('is deterministic and cached', () => {
    expect(SEED_YEARS.years).toBe(getSeedYears());
    const fresh = seedYearsFromChineseDays();
    expect(fresh.map((y) => [y.year, [...y.holidays], [...y.workdays]])).toEqual(
      seeds.map((y) => [y.year, [...y.holidays], [...y.workdays]]),
    );
  });
});
