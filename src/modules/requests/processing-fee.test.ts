import { describe, expect, it } from 'vitest';
import { computeProcessingFee, formatYuan, perApplicationPriceFen } from './processing-fee.ts';

describe('按件: per applicant per natural month (国办函〔2020〕109号)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 10_000],
    [30, 10_000],
    [31, 20_000],
    [40, 20_000],
    [41, 30_000],
    [50, 30_000],
    [51, 40_000],
    [75, 60_000],
  ])('the %i-th application costs %i fen', (ordinal, fen) => {
    expect(perApplicationPriceFen(ordinal)).toBe(fen);
    const r = computeProcessingFee({ method: 'per_application', ordinalInMonth: ordinal });
    expect(r.amountFen).toBe(fen);
    expect(r.lines).toHaveLength(1);
  });

  it('names the band in the breakdown', () => {
    const r = computeProcessingFee({ method: 'per_application', ordinalInMonth: 45 });
    expect(r.lines[0]?.label).toBe('本自然月第 45 件申请（41–50 件档）');
  });

  it.each([0, -1, 1.5])('refuses ordinal %s', (n) => {
    expect(() => perApplicationPriceFen(n)).toThrow(RangeError);
  });
});

describe('按量: pages, progressive', () => {
  it.each([
    // [pages, total yuan, amounts per band in yuan]
    [0, 0, []],
    [30, 0, [0]],
    [31, 10, [0, 10]],
    [100, 700, [0, 700]],
    [101, 720, [0, 700, 20]],
    [200, 2700, [0, 700, 2000]],
    [201, 2740, [0, 700, 2000, 40]],
    [250, 4700, [0, 700, 2000, 2000]],
  ])('%i pages cost ¥%i', (pages, yuan, bands) => {
    const r = computeProcessingFee({ method: 'per_page', pages });
    expect(r.method).toBe('per_page');
    expect(r.amountFen).toBe(yuan * 100);
    expect(r.lines.map((l) => l.amountFen / 100)).toEqual(bands);
    expect(r.lines.reduce((s, l) => s + l.quantity, 0)).toBe(pages);
  });

  it('labels the bands', () => {
    const r = computeProcessingFee({ method: 'per_page', pages: 250 });
    expect(r.lines.map((l) => l.label)).toEqual([
      '1–30 页部分',
      '31–100 页部分',
      '101–200 页部分',
      '201 页及以上部分',
    ]);
  });

  it.each([-1, 2.5])('refuses %s pages', (pages) => {
    expect(() => computeProcessingFee({ method: 'per_page', pages })).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [470_000, '4700.00'],
    [-150, '-1.50'],
  ])('%i fen → %s', (fen, text) => expect(formatYuan(fen)).toBe(text));
});
