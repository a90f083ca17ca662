/**
 * What the importer says about numbers that do not agree: a row whose 总计 is not the sum of its six
 * columns, the columns of table 三 that break 一 + 二 = 三（七） + 四, table 四's 总计 columns, and the prose
 * totals against the tables. Nothing is corrected: the numbers stay as printed.
 */
import {
  type Cell,
  type ParsedReport,
  TABLE3_OUTCOME_KEYS,
  TABLE3_ROW_KEYS,
  type Table3,
} from '../report.model.ts';

const complete = (cells: Cell[]): cells is number[] => cells.every((c) => c !== null);
const sum = (cells: number[]) => cells.reduce((s, v) => s + v, 0);

function table3Notes(t: Table3): string[] {
  const notes: string[] = [];
  for (const key of TABLE3_ROW_KEYS) {
    const row = t[key];
    if (!complete(row)) continue;
    const parts = sum(row.slice(0, 6));
    if (parts !== row[6]) notes.push(`表三“${key}”一行总计为 ${row[6]}，与各类申请人之和 ${parts} 不符`);
  }
  const columns = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  columns.forEach((name, c) => {
    const a = t.一[c],
      b = t.二[c],
      done = t['三(七)'][c],
      next = t.四[c];
    if (a == null || b == null || done == null || next == null) return;
    if (a + b !== done + next)
      notes.push(`表三“${name}”列：一（${a}）加二（${b}）不等于三（七）（${done}）加四（${next}）`);
    const outcomes = TABLE3_OUTCOME_KEYS.map((k) => t[k][c] ?? null);
    if (complete(outcomes) && sum(outcomes) !== done)
      notes.push(`表三“${name}”列：各办理结果之和 ${sum(outcomes)} 不等于三（七）总计 ${done}`);
  });
  return notes;
}

function table4Notes(t: Cell[]): string[] {
  const notes: string[] = [];
  const names = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
  names.forEach((name, g) => {
    const block = t.slice(g * 5, g * 5 + 5);
    if (complete(block) && sum(block.slice(0, 4)) !== block[4])
      notes.push(`表四“${name}”总计为 ${block[4]}，与各项之和 ${sum(block.slice(0, 4))} 不符`);
  });
  return notes;
}

function proseNotes(r: ParsedReport): string[] {
  const notes: string[] = [];
  const total = (key: keyof Table3) => r.table3?.[key][6] ?? null;
  const litigation =
    r.table4 && r.table4[9] != null && r.table4[14] != null ? r.table4[9]! + r.table4[14]! : null;
  const pairs: [keyof ParsedReport['prose'], Cell, string][] = [
    ['新收', total('一'), '表三“一、本年新收”总计'],
    ['上年结转', total('二'), '表三“二、上年结转”总计'],
    ['办结', total('三(七)'), '表三“（七）总计”'],
    ['结转下年', total('四'), '表三“四、结转下年度继续办理”总计'],
    ['复议', r.table4?.[4] ?? null, '表四行政复议总计'],
    ['诉讼', litigation, '表四行政诉讼总计'],
  ];
  for (const [key, table, where] of pairs) {
    const said = r.prose[key];
    if (said !== null && table !== null && said !== table)
      notes.push(`正文“${key}”为 ${said}，与${where} ${table} 不符`);
  }
  return notes;
}

/** Notes on the numbers of a parsed report that disagree with each other. */
export function crossCheck(r: ParsedReport): string[] {
  return [
    ...(r.table3 ? table3Notes(r.table3) : []),
    ...(r.table4 ? table4Notes(r.table4) : []),
    ...proseNotes(r),
  ];
}
