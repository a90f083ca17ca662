/**
 * Test support: a hand-built ReportDocument whose every cell holds a different number, and whose numbers
 * agree with each other (table 三: 一 + 二 = 三（七） + 四 per column, （七） = the sum of the outcome rows,
 * 总计 = the sum of the six applicant columns; table 四: each 总计 = the sum of its four results), so
 * renderers can check that each number lands in its own cell, and checks can start from a report that
 * passes them. Not imported by application code.
 */
import {
  emptyTable2,
  emptyTable3,
  type ReportDocument,
  type ReportFigures,
  type ReportSections,
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  type Table3,
} from './report.model.ts';

/** The six applicant columns (the seventh, 总计, is their sum). */
const APPLICANT_COLUMNS = 6;

function fixtureTable3(): Table3 {
  const t = emptyTable3();
  const withTotal = (six: number[]) => [...six, six.reduce((a, b) => a + b, 0)];
  // Outcome row i, column c: 100·(c+1) + i + 1 — distinct, and each column its own hundreds.
  TABLE3_OUTCOME_KEYS.forEach((key, i) => {
    t[key] = withTotal(Array.from({ length: APPLICANT_COLUMNS }, (_, c) => 100 * (c + 1) + i + 1));
  });
  const sum = (c: number) => TABLE3_OUTCOME_KEYS.reduce((a, key) => a + (t[key][c] ?? 0), 0);
  const carriedIn = Array.from({ length: APPLICANT_COLUMNS }, (_, c) => 11 + c);
  const carriedOut = Array.from({ length: APPLICANT_COLUMNS }, (_, c) => 21 + c);
  t.二 = withTotal(carriedIn);
  t.四 = withTotal(carriedOut);
  t['三(七)'] = withTotal(Array.from({ length: APPLICANT_COLUMNS }, (_, c) => sum(c)));
  // 一 + 二 = 三（七） + 四
  t.一 = withTotal(
    Array.from({ length: APPLICANT_COLUMNS }, (_, c) => sum(c) + (carriedOut[c] ?? 0) - (carriedIn[c] ?? 0)),
  );
  return t;
}

/** Table 四: per block 结果维持, 结果纠正, 其他结果, 尚未审结 and their 总计. */
function fixtureTable4(): number[] {
  return [31, 41, 61].flatMap((base) => {
    const four = [base, base + 1, base + 2, base + 3];
    return [...four, four.reduce((a, b) => a + b, 0)];
  });
}

export function fixtureFigures(): ReportFigures {
  const table2 = emptyTable2();
  table2.规章 = { made: 7, repealed: 2, inForce: 35 };
  table2.行政规范性文件 = { made: 9, repealed: 4, inForce: 58 };
  table2.行政许可 = 1234;
  table2.行政处罚 = 567;
  table2.行政强制 = 89;
  table2.行政事业性收费 = 12.345; // 万元, printed without trailing zeros
  return { table2, table3: fixtureTable3(), table4: fixtureTable4() };
}

export function fixtureSections(): ReportSections {
  return {
    overview:
      '本年度，示范县人民政府坚持以公开为常态、不公开为例外，全面推进政务公开工作。\n\n' +
      '（一）主动公开。全年通过政府门户网站主动公开政府信息，及时发布政策文件及其解读。\n\n' +
      '（二）依申请公开。严格按照法定时限答复申请人，做到依法、规范、高效。',
    proactive: '',
    requests: '本年度无因逾期答复被纠错的情形。',
    appeals: '',
    problems:
      '一是政策解读形式较为单一；二是基层公开标准化规范化水平有待提升。\n\n' +
      '下一步，我县将丰富解读形式，推进基层政务公开标准化规范化建设。',
    other:
      '（一）本年度未收取信息处理费。\n\n（二）落实上级年度政务公开工作要点情况：按要求逐项落实。\n\n' +
      '（三）人大代表建议和政协提案办理结果公开情况：全部按时办结并公开。',
  };
}

/** A complete report of 示范县人民政府 for 2025 with distinct, consistent numbers in every cell. */
export function fixtureReportDocument(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    unitName: '示范县人民政府',
    year: 2025,
    dateOn: '2026-01-20',
    sections: fixtureSections(),
    figures: fixtureFigures(),
    ...overrides,
  };
}

/** The numbers of the fixture as printed, in the order the tables show them (二, 三 by rows, 四). */
export function fixtureNumbersInOrder(figures: ReportFigures = fixtureFigures()): string[] {
  const t2 = figures.table2;
  const n = (v: number | null) => (v === null ? '' : String(v));
  return [
    ...[t2.规章, t2.行政规范性文件].flatMap((d) => [d.made, d.repealed, d.inForce].map(n)),
    n(t2.行政许可),
    n(t2.行政处罚),
    n(t2.行政强制),
    n(t2.行政事业性收费),
    ...TABLE3_ROW_KEYS.flatMap((key) => figures.table3[key].map(n)),
    ...figures.table4.map(n),
  ].filter((s) => s !== '');
}
