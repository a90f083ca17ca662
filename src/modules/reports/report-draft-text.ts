/**
 * The text a new draft starts with: section 一 written from the year's computed figures, the other
 * sections as prompts in 【】 that the checks refuse to publish until replaced (so a prompt is never
 * published as if it were text). The prompts for section 六 follow what reports commonly add there
 * (regulations.md §5: not a fixed list in 国办公开办函〔2021〕30号, hence prompts, not fields).
 */

import type { ReportFigures, ReportSections } from './report.model.ts';
import { getCell } from './report-values.ts';

/** A prompt the clerk must replace: 【请填写：…】. */
export const PROMPT_PATTERN = /【请(?:填写|补充)[^】]*】/g;

export interface DraftFacts {
  unitName: string;
  year: number;
  figures: ReportFigures;
  /** Documents the unit published in the year (主动公开), when publishing is installed. */
  publishedCount: number | null;
  fees: { amountFen: number; count: number };
  /** A sentence on the 工作要点 tasks the unit carried, from the task ledger (null: no ledger). */
  taskSummary: string | null;
}

const n = (f: ReportFigures, key: string): string => {
  const v = getCell(f, key);
  return v === null ? '【请填写】' : String(v);
};

export function yuan(fen: number): string {
  return (fen / 100).toFixed(2).replace(/\.00$/, '');
}

export function draftSections(facts: DraftFacts): ReportSections {
  const { figures: f, year } = facts;
  const overview = [
    `${year}年，${facts.unitName}认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，【请补充：本年度政务公开工作的总体部署和主要做法】。`,
    `（一）主动公开。${
      facts.publishedCount === null
        ? '【请填写：本年度主动公开政府信息的数量和主要内容】'
        : `全年通过政府网站主动公开政府信息${facts.publishedCount}条，【请补充：重点领域信息公开情况】`
    }。本年制发行政规范性文件${n(f, 'table2.行政规范性文件.made')}件，废止${n(f, 'table2.行政规范性文件.repealed')}件，现行有效${n(f, 'table2.行政规范性文件.inForce')}件。`,
    `（二）依申请公开。全年新收政府信息公开申请${n(f, 'table3.一.total')}件，上年结转${n(f, 'table3.二.total')}件，办结${n(f, 'table3.三(七).total')}件，结转下年度继续办理${n(f, 'table3.四.total')}件。`,
    '（三）政府信息管理。【请填写：信息发布审查、保密审查、政策文件清理和政府信息动态调整情况】',
    '（四）平台建设。【请填写：政府网站、政务新媒体等公开平台的建设和管理情况】',
    '（五）监督保障。【请填写：组织领导、制度建设、培训和考核监督情况】',
  ].join('\n\n');
  const fees =
    facts.fees.count > 0
      ? `本年度收取政府信息公开信息处理费${yuan(facts.fees.amountFen)}元（${facts.fees.count}笔）。`
      : '本年度未收取政府信息公开信息处理费。';
  return {
    overview,
    proactive: '',
    requests: '',
    appeals: '',
    problems:
      '【请填写：上一年度报告所列问题的整改情况，本年度存在的主要问题和具体改进措施。请结合本年度实际撰写，不要沿用上年报告的表述。】',
    other: [
      fees,
      `（一）落实上级年度政务公开工作要点情况。${facts.taskSummary ?? '【请填写：落实上级年度政务公开工作要点的情况】'}`,
      '（二）人大代表建议和政协提案办理结果公开情况。【请填写：本年度办理人大代表建议、政协提案的件数及办理结果公开情况；没有的请如实说明】',
      '（三）年度政务公开工作创新情况。【请填写：本年度政务公开工作的创新做法；没有的可删除本段】',
    ].join('\n\n'),
  };
}

/** Prompts still in the text, per section (a check refuses to send such a report for review). */
export function remainingPrompts(
  sections: ReportSections,
): { section: keyof ReportSections; prompts: string[] }[] {
  return (Object.keys(sections) as (keyof ReportSections)[])
    .map((section) => ({ section, prompts: sections[section].match(PROMPT_PATTERN) ?? [] }))
    .filter((x) => x.prompts.length > 0);
}
