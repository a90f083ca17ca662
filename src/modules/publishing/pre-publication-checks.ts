import type { WorkingDayCalendar } from '../../lib/calendar/index.ts';
import type { CheckName, Finding, RawFinding, ScannedText, Severity } from './checks/finding.ts';
import { htmlToText } from './checks/html-text.ts';
import { checkInternalLinks, type InternalLinkLookup, internalLinksOf } from './checks/internal-links.ts';
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
import { DEFAULT_SENSITIVE_WORDS } from './checks/sensitive-words.ts';
import { DEFAULT_TYPOS, type TypoEntry } from './checks/word-lists.ts';
import { checkSensitiveWords, checkTypos } from './checks/words.ts';

/**
 * Automatic checks before publication (先审查、后公开): run when an item is submitted for 保密审查 and again
 * before it is published; the findings are shown to the reviewers. Each check's severity comes from the
 * configuration: a 'block' finding stops publication, a 'warn' finding needs the reviewer's judgement.
 * Pure: attachment text is extracted beforehand (extractAttachmentText), dates are plain 'YYYY-MM-DD'.
 */

export type { CheckName, Finding, FindingLocation, FindingSeverity, Severity } from './checks/finding.ts';

/** Every check, in the order findings are listed (and the settings page shows them). */
export const CHECK_NAMES: readonly CheckName[] = [
  'secrecy-mark',
  'personal-data',
  'sensitive-word',
  'typo',
  'required-metadata',
  'external-link',
  'internal-link',
  'lateness',
];

/** Chinese names of the checks (settings page, messages). */
export const CHECK_LABELS: Readonly<Record<CheckName, string>> = {
  'secrecy-mark': '密级标志',
  'personal-data': '个人信息（身份证号、手机号、银行卡号）',
  'sensitive-word': '敏感词',
  typo: '常见错别字',
  'required-metadata': '必填元数据',
  'external-link': '外部链接（非政府网站或IP地址）',
  'internal-link': '站内链接失效',
  lateness: '逾期公开（信息形成后超过20个工作日）',
};

/** What is checked. */
export interface PrePublicationInput {
  metadata: DocumentMetadataInput;
  /** The sanitised body HTML. */
  bodyHtml: string;
  /** Attachments with their extracted text; null text means the type cannot be read automatically. */
  attachments?: ReadonlyArray<{ name: string; text: string | null }>;
  /** The (planned) 发布日期. */
  publishOn: string;
  /**
   * This site, for the internal-link check: the public base URL, the document's id and what the database
   * says about the link targets (resolved beforehand). Without it internal links are not checked.
   */
  site?: { publicBaseUrl?: string | undefined; documentId?: number | undefined; lookup: InternalLinkLookup };
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
    'internal-link': 'warn',
    lateness: 'warn',
  }),
  requiredMetadata: DEFAULT_REQUIRED_METADATA,
  typos: DEFAULT_TYPOS,
  sensitiveWords: DEFAULT_SENSITIVE_WORDS,
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

/** The host of the public base URL (the site's own links are not external), if configured and valid. */
function siteHost(input: PrePublicationInput): string[] {
  try {
    return input.site?.publicBaseUrl ? [new URL(input.site.publicBaseUrl).hostname] : [];
  } catch {
    return [];
  }
}

/**
 * Runs every check that is not 'off' and applies the configured severities; findings are ordered by check.
 */
export function runPrePublicationChecks(
  input: PrePublicationInput,
  config: PrePublicationConfig,
  calendar: WorkingDayCalendar,
): PrePublicationResult {
  const on = (check: CheckName) => config.severity[check] !== 'off';
  const site = input.site;
  const main: ScannedText[] = [
    { location: 'title', text: input.metadata.title ?? '' },
    { location: 'body', text: htmlToText(input.bodyHtml) },
  ];
  const all = [...main, ...attachmentTexts(input)];
  // The other checks read masked text, so their excerpts cannot show personal data either.
  const mask = (texts: ScannedText[]) =>
    texts.map((t) => ({ location: t.location, text: maskPersonalData(t.text) }));
  const [maskedMain, maskedAll] = [mask(main), mask(all)];
  const checks: Record<CheckName, () => RawFinding[]> = {
    'secrecy-mark': () => checkSecrecyMarks(maskedAll),
    'personal-data': () => checkPersonalData(all),
    'sensitive-word': () => checkSensitiveWords(maskedAll, config.sensitiveWords),
    typo: () => checkTypos(maskedMain, config.typos),
    'required-metadata': () => checkRequiredMetadata(input.metadata, config.requiredMetadata),
    'external-link': () =>
      checkExternalLinks(input.bodyHtml, { allowedHosts: [...config.allowedHosts, ...siteHost(input)] }),
    'internal-link': () =>
      site ? checkInternalLinks(internalLinksOf(input.bodyHtml, site), site.lookup, site.documentId) : [],
    lateness: () => checkLateness(input.metadata.formedOn, input.publishOn, calendar),
  };
  const findings = CHECK_NAMES.filter(on).flatMap((check) => {
    const severity = config.severity[check] as Exclude<Severity, 'off'>;
    return checks[check]().map((f): Finding => ({ check, severity, ...f }));
  });
  return { findings, blocked: findings.some((f) => f.severity === 'block') };
}
