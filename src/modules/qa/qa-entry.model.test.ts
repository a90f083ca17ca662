/** The entry form's checks: 条款 pattern, field problems named by field, sources, review date. */
import { describe, expect, it } from 'vitest';
import { addMonths, isArticle, parseEntryForm } from './qa-entry.model.ts';

describe('isArticle', () => {
  it.each([
    ['第二十条', true],
    ['第3条', true],
    ['第三条第二款', true],
    ['第五条第一款第（三）项', true],
    ['第5条第1款第2项', true],
    ['第十条、第十一条', true],
    ['十一条', false],
    ['第条', false],
    ['第二十节', false],
    ['第abc条', false],
  ])('%s → %s', (v, ok) => expect(isArticle(v)).toBe(ok));
});

describe('parseEntryForm', () => {
  const fields = (raw: Record<string, unknown>) =>
    parseEntryForm(raw).problems.map((p) => `${p.field}: ${p.message}`);

  it('names every missing or bad field', () => {
    expect(
      fields({ question: '', answer: '', audiences: ['nobody'], s2_article: '十条', validUntil: 'x' }),
    ).toEqual([
      'question: 请填写问题',
      'answer: 请填写答复内容',
      'audiences: 服务对象选择有误',
      'validUntil: 有效期至应为日期，例如 2027-12-31',
      's2_doc: 第 1 项依据：请填写平台文件的文号或标题，或填写外部文件的名称',
      's2_article: 第 1 项依据的条款应写作“第X条”，可加“第X款”“第X项”，例如 第二十条、第3条第二款',
    ]);
  });

  it('reads other questions one per line, tags and sources in order', () => {
    const { input, problems } = parseEntryForm({
      unitId: '4',
      question: '低保怎么申请',
      answer: '向乡镇人民政府申请。',
      altQuestions: '低保去哪办\n\n低保去哪办\n申请低保要什么',
      tags: '低保、社会救助,救助',
      audiences: 'individual',
      s0_doc: '张政办发〔2026〕3号',
      s0_article: '第十条',
      s4_title: '社会救助暂行办法',
    });
    expect(problems).toEqual([]);
    expect(input.altQuestions).toEqual(['低保去哪办', '申请低保要什么']);
    expect(input.tags).toEqual(['低保', '社会救助', '救助']);
    expect(input.audiences).toEqual(['individual']);
    expect(input.sources.map((s) => s.doc ?? s.title)).toEqual(['张政办发〔2026〕3号', '社会救助暂行办法']);
  });

  it('refuses a row that names both a platform and an external document', () => {
    expect(fields({ question: 'q', answer: 'a', s0_doc: '某文', s0_title: '另一文' })).toEqual([
      's0_title: 第 1 项依据：平台文件与外部文件只填一种',
    ]);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-03-02', 12, '2027-03-02'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-11-15', 3, '2027-02-15'],
  ])('%s + %i months = %s', (d, m, out) => expect(addMonths(d, m)).toBe(out));
});
