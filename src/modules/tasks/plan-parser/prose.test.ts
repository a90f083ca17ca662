import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index.ts';

const NESTED = `某市2023年政务公开工作要点
一、总体要求
坚持以人民为中心，以公开促落实。
二、重点任务
（一）深化决策公开
1．完善目录。2023年6月底前修订主动公开目录。（市政务中心牵头，市直各单位按职责分工负责。以下均需各县市区人民政府负责，不再列出）
2、做好预公开。
（1）公开草案。每季度公开一次。（市司法局）
（2）反馈意见。在征求意见结束后15个工作日内公开采纳情况。(市司法局)
(二)加强解读
解读材料与文件同步起草。【责任单位】市政府办
原文链接：http://example.invalid/plan`;

describe('prose plans with four numbering levels', () => {
  const plan = parsePlanText(NESTED);

  it('makes the deepest items tasks and their headings the path', () => {
    // "一、总体要求" states the plan's aims: structure, not a task (issue 10: 指导思想/工作目标/总体要求).
    expect(plan.tasks.map((t) => [t.number, t.path, t.title])).toEqual([
      ['2.1.1', ['重点任务', '深化决策公开'], '完善目录'],
      ['2.1.2.1', ['重点任务', '深化决策公开', '做好预公开'], '公开草案'],
      ['2.1.2.2', ['重点任务', '深化决策公开', '做好预公开'], '反馈意见'],
      ['2.2', ['重点任务'], '加强解读'],
    ]);
  });

  it('keeps the body paragraph under a heading-only item and stops at page furniture', () => {
    const last = plan.tasks.at(-1)!;
    expect(last.content).toBe('解读材料与文件同步起草。');
    expect(last.units).toEqual(['市政府办', '各县市区人民政府']);
  });

  it('carries units forward and reads each kind of deadline', () => {
    expect(plan.tasks[0]).toMatchObject({
      leadUnits: ['市政务中心'],
      units: ['市直各单位', '各县市区人民政府'],
      deadline: { date: '2023-06-30' },
    });
    expect(plan.tasks[1]).toMatchObject({
      units: ['市司法局', '各县市区人民政府'],
      deadline: { recurrence: 'quarterly' },
    });
    expect(plan.tasks[2]).toMatchObject({ deadline: { text: '15个工作日内' } });
    expect(plan.tasks[2]!.uncertain).toContain(
      '责任单位“各县市区人民政府”沿用前文“以下均需各县市区人民政府负责，不再列出”',
    );
  });

  it('reads the plan title and year without a notice', () => {
    expect(plan).toMatchObject({
      title: '某市2023年政务公开工作要点',
      year: 2023,
      issuer: null,
      docNumber: null,
    });
    expect(plan.plans.map((p) => p.title)).toEqual(['某市2023年政务公开工作要点']);
  });
});

describe('the last task of a plan that was cut off, and of one that was not', () => {
  const body = `某县2025年政务公开工作要点
一、加强政策公开
（一）公开惠企政策。2025年6月底前完成专栏梳理。（县发改局牵头，县财政局按职责分工负责）
（二）公开预决算信息。批准后20日内公开。（县财政局负责）
（三）举办政务公开主题日活动。2025年5月15日前举办。（县政府办负责）`;
  const lastNotes = (text: string) => parsePlanText(text).tasks.at(-1)!.uncertain;
  const CUT = '原文在此处中断，本任务的责任单位和时限可能未显示完整';

  it('a plan that ends with its signature and date is complete: the last task is not flagged', () => {
    expect(lastNotes(`${body}\n\n某县人民政府办公室\n2025年3月10日`)).not.toContain(CUT);
    expect(lastNotes(`${body}\n（此件公开发布）`)).not.toContain(CUT);
  });

  it('a plan that stops in mid-sentence flags its last task for the reviewer', () => {
    const cut = `${body}\n（四）推进基层政务公开标准化。各乡镇按照标准目录完善公开事项，并`;
    expect(lastNotes(cut)).toContain(CUT);
  });
});

describe('a deadline that can be read two ways says so', () => {
  it('"N月前" is the end of the month before, with a note asking the reviewer to check', () => {
    const plan = parsePlanText(
      '某市2025年政务公开工作要点\n一、公开\n（一）公开专项资金。2025年9月前完成。（市财政局负责）\n（二）公开决算。9月底前完成。（市财政局负责）',
    );
    expect(plan.tasks[0]!.deadline).toEqual({ date: '2025-08-31' });
    expect(plan.tasks[0]!.uncertain.join()).toContain('按该月开始之前（2025-08-31）计');
    expect(plan.tasks[1]!.deadline).toEqual({ date: '2025-09-30' });
    expect(plan.tasks[1]!.uncertain.join()).not.toContain('按该月开始之前');
  });
});

describe('a table without a 公开领域 column', () => {
  it('notes the title only when it was cut from a longer task text', () => {
    const plan = parsePlanText(
      [
        '某区2025年政务公开任务分工表',
        '| 序号 | 工作任务 | 责任单位 | 完成时限 |',
        '| 1 | 公开区级预决算 | 区财政局 | 2025年6月底前 |',
        '| 2 | 公开招生政策。同步公开学区划分和招生计划，接受社会监督 | 区教育局 | 2025年7月底前 |',
      ].join('\n'),
    );
    const NOTE = '表中无公开领域，标题取自具体内容首句';
    expect(plan.tasks.map((t) => t.title)).toEqual(['公开区级预决算', '公开招生政策']);
    expect(plan.tasks[0]!.uncertain).not.toContain(NOTE);
    expect(plan.tasks[1]!.uncertain).toContain(NOTE);
  });
});

describe('a numbered section heading right above a table header', () => {
  it('is the path of the first rows, not the table title; the document title names the plan', () => {
    const plan = parsePlanText(
      [
        '某区2026年政务公开重点工作分工表',
        '（一）决策公开',
        '序号 | 工作任务 | 责任单位 | 完成时限',
        '1 | 公开重大行政决策目录 | 区司法局 | 2026年3月底前',
        '（二）执行公开',
        '序号 | 工作任务 | 责任单位 | 完成时限',
        '2 | 公开重点项目推进情况 | 区发改局 | 每季度',
      ].join('\n'),
    );
    expect(plan.plans.map((p) => p.title)).toEqual(['某区2026年政务公开重点工作分工表']);
    expect(plan.tasks.map((t) => [t.number, t.path, t.title])).toEqual([
      ['1', ['决策公开'], '公开重大行政决策目录'],
      ['2', ['执行公开'], '公开重点项目推进情况'],
    ]);
  });
});
