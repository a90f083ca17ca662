/**
 * Checks on the report's text: required sections not empty, no labels of the 2019 format, and no
 * paragraphs repeating last year's report (内容雷同).
 */

import { SECTION_HEADINGS, SECTION_KEYS, type SectionKey } from './report.model.ts';
import type { CheckDefinition, ReportCheck } from './report-checks.model.ts';
import { detect2019Labels, format2021Instead } from './report-checks-format2019.ts';
import { findSimilarParagraphs } from './report-similarity.ts';

const EMPTY_TITLE = '章节内容：不能为空';
// Whitespace, punctuation and symbols: a section holding only these says nothing.
const NOISE = /[\s\p{P}\p{S}]/gu;

/** True when a section's text says nothing: blank, punctuation, or only its own heading (with or without 一、). */
export function isSectionEmpty(key: SectionKey, text: string): boolean {
  const heading = SECTION_HEADINGS[key];
  const bare = heading.replace(/^[一二三四五六]、/, '');
  const rest = text.normalize('NFKC').replace(NOISE, '');
  const headingText = (h: string) => h.normalize('NFKC').replace(NOISE, '');
  return rest === '' || rest === headingText(heading) || rest === headingText(bare);
}

/** Sections 一, 五 and 六 (the settings' requiredSections) must have text of their own. */
export const SECTIONS_NOT_EMPTY: CheckDefinition = {
  id: 'sections.empty',
  title: EMPTY_TITLE,
  run({ sections }, settings) {
    return SECTION_KEYS.filter((key) => settings.requiredSections.includes(key))
      .filter((key) => isSectionEmpty(key, sections[key] ?? ''))
      .map((key) => ({
        id: `sections.empty.${key}`,
        severity: 'error',
        title: EMPTY_TITLE,
        message: (sections[key] ?? '').trim()
          ? `“${SECTION_HEADINGS[key]}”只有标题，没有内容，请填写。`
          : `“${SECTION_HEADINGS[key]}”没有内容，请填写。`,
        sections: [key],
      }));
  },
};

const FORMAT_TITLE = '格式：2019年旧格式栏目';

/** Labels of the 2019 format (report-checks-format2019.ts) in any section's text: an error naming them. */
export const NO_2019_LABELS: CheckDefinition = {
  id: 'format2019',
  title: FORMAT_TITLE,
  run({ sections }) {
    const failures: ReportCheck[] = [];
    for (const key of SECTION_KEYS) {
      const labels = detect2019Labels(sections[key] ?? '');
      if (labels.length === 0) continue;
      const instead = [...new Set(labels.map(format2021Instead))].join('；');
      failures.push({
        id: `format2019.${key}`,
        severity: 'error',
        title: FORMAT_TITLE,
        message:
          `“${SECTION_HEADINGS[key]}”中有2019年旧格式的栏目：${labels.map((l) => `“${l}”`).join('、')}。` +
          `2021年起应使用国办公开办函〔2021〕30号格式：${instead}。`,
        sections: [key],
      });
    }
    return failures;
  },
};

const SIMILARITY_TITLE = '内容雷同：与上年报告相似';

/** Paragraphs at least `similarityThreshold` similar to last year's same section: one warning naming them. */
export const NOT_COPIED_FROM_LAST_YEAR: CheckDefinition = {
  id: 'similarity',
  title: SIMILARITY_TITLE,
  run({ year, sections, previous }, settings) {
    if (!previous?.sections) return null;
    const paragraphs = findSimilarParagraphs(sections, previous.sections, {
      threshold: settings.similarityThreshold,
      minLength: settings.similarityMinLength,
    });
    if (paragraphs.length === 0) return [];
    const named = paragraphs.map(
      (p) =>
        `“${SECTION_HEADINGS[p.section]}”第 ${p.index + 1} 段（与${year - 1}年报告第 ${p.previousIndex + 1} 段相似度 ${Math.floor(p.similarity * 100)}%）`,
    );
    return [
      {
        id: 'similarity',
        severity: 'warning',
        title: SIMILARITY_TITLE,
        message:
          `${named.join('；')}。数字和年份不同也视为相同文字（阈值 ${Math.round(settings.similarityThreshold * 100)}%）。` +
          '请按本年度实际情况撰写；确属固定表述的，可保留。',
        sections: [...new Set(paragraphs.map((p) => p.section))],
        paragraphs,
      },
    ];
  },
};

export const TEXT_CHECKS: readonly CheckDefinition[] = [
  SECTIONS_NOT_EMPTY,
  NO_2019_LABELS,
  NOT_COPIED_FROM_LAST_YEAR,
];
