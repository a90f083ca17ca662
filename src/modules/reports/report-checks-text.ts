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

// A numbered sub-heading line with no sentence in it: "（一）落实上级年度政务公开工作要点情况", "2.改进情况：".
const SUBHEADING =
  /^(?:\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d))[^。；;，,！!？?\d]{1,30}[:：]?$/;

/**
 * The sub-headings of a section whose every line, apart from its own heading, is a numbered
 * sub-heading — prompts left unanswered; [] when the section has text of its own.
 */
export function onlySubheadings(key: SectionKey, text: string): string[] {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !isSectionEmpty(key, line));
  const subheadings = lines.every((line) => SUBHEADING.test(line.normalize('NFKC')));
  return lines.length > 0 && subheadings ? lines : [];
}

/** One required section's failure: empty or only its heading (error), only sub-headings (warning). */
function emptySection(key: SectionKey, text: string): ReportCheck | null {
  const heading = `“${SECTION_HEADINGS[key]}”`;
  const base = { title: EMPTY_TITLE, sections: [key] };
  if (isSectionEmpty(key, text)) {
    const message = text.trim() ? `${heading}只有标题，没有内容，请填写。` : `${heading}没有内容，请填写。`;
    return { id: `sections.empty.${key}`, severity: 'error', message, ...base };
  }
  const subheadings = onlySubheadings(key, text);
  if (subheadings.length === 0) return null;
  return {
    id: `sections.subheadings.${key}`,
    severity: 'warning',
    message: `${heading}只有小标题（${subheadings.map((h) => `“${h}”`).join('、')}），没有内容，请填写；确无相关情况的，请写明。`,
    ...base,
  };
}

/**
 * Sections 一, 五 and 六 (the settings' requiredSections) must have text of their own: empty or heading
 * only is an error; numbered sub-headings only (prompts left unanswered) a warning, since a short
 * numbered line may be a real answer.
 */
export const SECTIONS_NOT_EMPTY: CheckDefinition = {
  id: 'sections.empty',
  title: EMPTY_TITLE,
  run({ sections }, settings) {
    return SECTION_KEYS.filter((key) => settings.requiredSections.includes(key))
      .map((key) => emptySection(key, sections[key] ?? ''))
      .filter((check) => check !== null);
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
        `“${SECTION_HEADINGS[p.section]}”第 ${p.index + 1} 段（与该年同章第 ${p.previousIndex + 1} 段相似度 ${Math.floor(p.similarity * 100)}%）`,
    );
    return [
      {
        id: 'similarity',
        severity: 'warning',
        title: SIMILARITY_TITLE,
        message:
          `与${year - 1}年报告内容雷同：${named.join('；')}。` +
          `比对时不计数字和年份（阈值 ${Math.round(settings.similarityThreshold * 100)}%）。` +
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
