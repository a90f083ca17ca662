import type { WorkingDayCalendar } from '../../lib/calendar/index.ts';
import type { CheckName, Finding, RawFinding, ScannedText, Severity } from './checks/finding.ts';
import { htmlToText } from './checks/html-text.ts';
import { checkLateness } from './checks/lateness.ts';
import { checkExternalLinks } from './checks/links.ts';
import { checkPersonalData, maskPersonalData } from './checks/personal-data.ts';
import {
  checkRequiredMetadata,
  DEFAULT_REQUIRED_METADATA,
  type DocumentMetadataInput,
  type MetadataField,
} from './checks/required-metadata.ts';
import { checkSecrecyMarks } from './checks/secrecy-marks.ts';
import { DEFAULT_TYPOS, type TypoEntry } from './checks/word-lists.ts';
import { checkSensitiveWords, checkTypos } from './checks/words.ts';

/**
 * Automatic checks before publication (先审查、后公开): run when an item is submitted for 保密审查 and again
 * before it is published; the findings are shown to the reviewers. Each check's severity comes from the
 * configuration: a 'block' finding stops publication, a 'warn' finding needs the reviewer's judgement.
 * Pure: attachment text is extracted beforehand (extractAttachmentText), dates are plain 'YYYY-MM-DD'.
 */

export type { CheckName, Finding, FindingLocation, Severity } from './checks/finding.ts';

/** What is checked. */
export interface PrePublicationInput {
  metadata: DocumentMetadataInput;
  /** The sanitised body HTML. */
  bodyHtml: string;
  /** Attachments with their extracted text; null text means the type cannot be read automatically. */
  attachments?: ReadonlyArray<{ name: string; text: string | null }>;
  /** The (planned) 发布日期. */
  publishOn: string;
}

/** Configuration of the checks (stored per site; editable by the 政务公开管理员). */
export interface PrePublicationConfig {
  severity: Readonly<Record<CheckName, Severity>>;
  requiredMetadata: readonly MetadataField[];
  typos: readonly TypoEntry[];
  sensitiveWords: readonly string[];
  /** Hosts allowed in links besides *.gov.cn (each with its subdomains). */
  allowedHosts: readonly string[];
}

/** Defaults: leaked secrets and personal data block publication (保守国家秘密法, 个人信息保护法); the rest warn. */
export const DEFAULT_PRE_PUBLICATION_CONFIG: PrePublicationConfig = Object.freeze({
  severity: Object.freeze({
    'secrecy-mark': 'block',
    'personal-data': 'block',
    typo: 'warn',
    'sensitive-word': 'warn',
    'required-metadata': 'warn',
    'external-link': 'warn',
    lateness: 'warn',
  }),
  requiredMetadata: DEFAULT_REQUIRED_METADATA,
  typos: DEFAULT_TYPOS,
  sensitiveWords: [],
  allowedHosts: [],
});

/** The default configuration with some parts replaced (severity entries are merged one by one). */
export function buildPrePublicationConfig(
  overrides: Partial<Omit<PrePublicationConfig, 'severity'>> & {
    severity?: Partial<Record<CheckName, Severity>>;
  } = {},
): PrePublicationConfig {
  const base = DEFAULT_PRE_PUBLICATION_CONFIG;
  return { ...base, ...overrides, severity: { ...base.severity, ...overrides.severity } };
}

/** The result of all checks. */
export interface PrePublicationResult {
  findings: Finding[];
  /** True when at least one finding blocks publication. */
  blocked: boolean;
}

function attachmentTexts(input: PrePublicationInput): ScannedText[] {
  return (input.attachments ?? [])
    .filter((a): a is { name: string; text: string } => a.text !== null)
    .map((a) => ({ location: `attachment:${a.name}` as const, text: a.text }));
}

/** Runs every check and applies the configured severities; findings are ordered by check. */
export function runPrePublicationChecks(
  input: PrePublicationInput,
  config: PrePublicationConfig,
  calendar: WorkingDayCalendar,
): PrePublicationResult {
  const main: ScannedText[] = [
    { location: 'title', text: input.metadata.title ?? '' },
    { location: 'body', text: htmlToText(input.bodyHtml) },
  ];
  const all = [...main, ...attachmentTexts(input)];
  // The other checks read masked text, so their excerpts cannot show personal data either.
  const mask = (texts: ScannedText[]) =>
    texts.map((t) => ({ location: t.location, text: maskPersonalData(t.text) }));
  const [maskedMain, maskedAll] = [mask(main), mask(all)];
  const raw: Array<[CheckName, RawFinding[]]> = [
    ['secrecy-mark', checkSecrecyMarks(maskedAll)],
    ['personal-data', checkPersonalData(all)],
    ['sensitive-word', checkSensitiveWords(maskedAll, config.sensitiveWords)],
    ['typo', checkTypos(maskedMain, config.typos)],
    ['required-metadata', checkRequiredMetadata(input.metadata, config.requiredMetadata)],
    ['external-link', checkExternalLinks(input.bodyHtml, { allowedHosts: config.allowedHosts })],
    ['lateness', checkLateness(input.metadata.formedOn, input.publishOn, calendar)],
  ];
  const findings = raw.flatMap(([check, found]) =>
    found.map((f): Finding => ({ check, severity: config.severity[check], ...f })),
  );
  return { findings, blocked: findings.some((f) => f.severity === 'block') };
}
