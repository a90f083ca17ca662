/**
 * 信息处理费 (条例 第四十二条; 国办函〔2020〕109号《政府信息公开信息处理费管理办法》): charged only for
 * excessive quantity or frequency, progressively, by ONE method per application — 按件 (how many
 * applications the applicant filed this natural month) or 按量 (pages). Amounts are integer fen.
 */

/** The two charging methods; an application is charged by exactly one of them. */
export type FeeMethod = 'per_application' | 'per_page';

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = {
  per_application: '按件计收',
  per_page: '按量计收',
};

/** A band of a progressive tariff: units `from`–`to` (inclusive; null = no upper bound) at a price. */
export interface FeeBand {
  from: number;
  to: number | null;
  unitPriceFen: number;
}

const YUAN = 100;

/** 国办函〔2020〕109号 第五条: 按量 — 1–30 pages free, 31–100 ¥10, 101–200 ¥20, 201+ ¥40 per page. */
const PER_PAGE_BANDS: readonly FeeBand[] = [
  { from: 1, to: 30, unitPriceFen: 0 },
  { from: 31, to: 100, unitPriceFen: 10 * YUAN },
  { from: 101, to: 200, unitPriceFen: 20 * YUAN },
  { from: 201, to: null, unitPriceFen: 40 * YUAN },
];

/** 按件: the 1st–10th application of an applicant in a natural month are free. */
const PER_APPLICATION_FREE = 10;
/** 按件: the 11th–30th cost ¥100 each. */
const PER_APPLICATION_FIRST_PAID_TO = 30;
const PER_APPLICATION_BASE_FEN = 100 * YUAN;
/** 按件: from the 31st, each further block of 10 applications raises the price by ¥100. */
const PER_APPLICATION_STEP_SIZE = 10;
const PER_APPLICATION_STEP_FEN = 100 * YUAN;

/** One line of a fee breakdown, shown in the 收费通知书. */
export interface FeeLine {
  label: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

export interface FeeResult {
  method: FeeMethod;
  amountFen: number;
  lines: FeeLine[];
}

/** What is charged: the ordinal of this application in the applicant's month, or its pages. */
export type FeeInput =
  | { method: 'per_application'; ordinalInMonth: number }
  | { method: 'per_page'; pages: number };

function assertCount(label: string, n: number, min: number): void {
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${label} must be an integer ≥ ${min}: ${n}`);
}

/** Price in fen of the application that is the `ordinal`-th of its applicant this month. */
export function perApplicationPriceFen(ordinal: number): number {
  assertCount('ordinal', ordinal, 1);
  if (ordinal <= PER_APPLICATION_FREE) return 0;
  if (ordinal <= PER_APPLICATION_FIRST_PAID_TO) return PER_APPLICATION_BASE_FEN;
  const steps = Math.ceil((ordinal - PER_APPLICATION_FIRST_PAID_TO) / PER_APPLICATION_STEP_SIZE);
  return PER_APPLICATION_BASE_FEN + steps * PER_APPLICATION_STEP_FEN;
}

function perApplicationBand(ordinal: number): string {
  if (ordinal <= PER_APPLICATION_FREE) return `1–${PER_APPLICATION_FREE} 件`;
  if (ordinal <= PER_APPLICATION_FIRST_PAID_TO)
    return `${PER_APPLICATION_FREE + 1}–${PER_APPLICATION_FIRST_PAID_TO} 件`;
  const block = Math.ceil((ordinal - PER_APPLICATION_FIRST_PAID_TO) / PER_APPLICATION_STEP_SIZE);
  const from = PER_APPLICATION_FIRST_PAID_TO + (block - 1) * PER_APPLICATION_STEP_SIZE + 1;
  return `${from}–${from + PER_APPLICATION_STEP_SIZE - 1} 件`;
}

function perPageLines(pages: number): FeeLine[] {
  const lines: FeeLine[] = [];
  for (const band of PER_PAGE_BANDS) {
    if (pages < band.from) break;
    const upto = band.to === null ? pages : Math.min(pages, band.to);
    const quantity = upto - band.from + 1;
    const range = band.to === null ? `${band.from} 页及以上` : `${band.from}–${band.to} 页`;
    lines.push({
      label: `${range}部分`,
      quantity,
      unitPriceFen: band.unitPriceFen,
      amountFen: quantity * band.unitPriceFen,
    });
  }
  return lines;
}

/**
 * The processing fee of one application with its breakdown (国办函〔2020〕109号).
 * @throws RangeError when the ordinal is < 1 or the page count is negative or not an integer.
 */
export function computeProcessingFee(input: FeeInput): FeeResult {
  if (input.method === 'per_application') {
    const price = perApplicationPriceFen(input.ordinalInMonth);
    const label = `本自然月第 ${input.ordinalInMonth} 件申请（${perApplicationBand(input.ordinalInMonth)}档）`;
    return {
      method: input.method,
      amountFen: price,
      lines: [{ label, quantity: 1, unitPriceFen: price, amountFen: price }],
    };
  }
  assertCount('pages', input.pages, 0);
  const lines = perPageLines(input.pages);
  return { method: input.method, amountFen: lines.reduce((s, l) => s + l.amountFen, 0), lines };
}

/** Formats fen as yuan for letters, e.g. 470000 → '4700.00'. */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
