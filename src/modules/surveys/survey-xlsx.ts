/**
 * The .xlsx of a survey: 原始答卷 (one row per response, one column per question) and 汇总 (per question
 * and option: count and share, ratings with their mean). Every cell is written as text or number, never a
 * formula (texts starting with = + - @ get an apostrophe, see lib/spreadsheet).
 */
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../lib/spreadsheet/index.ts';
import { type Question, questionLabel } from './survey.model.ts';
import type { ResponseRecord, SurveyResults } from './survey-results.ts';
import type { SurveyRow } from './surveys.repository.ts';

const HEADER = { bold: true };

function answerText(q: Question, r: ResponseRecord): string | number {
  const a = r.answers.get(q.id);
  if (!a) return '';
  if (a.kind === 'rating') return a.rating;
  if (a.kind === 'text') return neutraliseFormula(a.text);
  return a.options.map((i) => q.options[i] ?? '').join('；');
}

export async function surveyWorkbook(
  survey: SurveyRow,
  questions: readonly Question[],
  responses: readonly (ResponseRecord & { contact: string | null })[],
  results: SurveyResults,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gongkai';
  const raw = wb.addWorksheet('原始答卷');
  const withContact = survey.asks_contact === 1;
  raw.columns = [
    { width: 10 },
    { width: 22 },
    ...(withContact ? [{ width: 20 }] : []),
    ...questions.map(() => ({ width: 24 })),
  ];
  raw.addRow([
    '答卷序号',
    '提交时间',
    ...(withContact ? ['联系方式'] : []),
    ...questions.map((q, i) => questionLabel(q, i)),
  ]).font = HEADER;
  for (const [i, r] of responses.entries())
    raw.addRow([
      i + 1,
      r.submittedAt,
      ...(withContact ? [r.contact ?? ''] : []),
      ...questions.map((q) => answerText(q, r)),
    ]);
  raw.views = [{ state: 'frozen', ySplit: 1 }];

  const totals = wb.addWorksheet('汇总');
  totals.columns = [{ width: 36 }, { width: 30 }, { width: 10 }, { width: 12 }, { width: 60 }];
  totals.addRow([`${survey.title}：共 ${results.total} 份答卷`]).font = HEADER;
  totals.addRow(['题目', '选项', '人数', '占比（%）', '计算方法']).font = HEADER;
  for (const r of results.questions) {
    if (r.kind === 'text') {
      totals.addRow([r.label, '（文本题）', r.answered, '', r.method]);
      continue;
    }
    for (const o of r.options) totals.addRow([r.label, o.label, o.count, o.share, r.method]);
    if (r.kind === 'rating') totals.addRow([r.label, '平均分', r.mean ?? '', '', r.method]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
