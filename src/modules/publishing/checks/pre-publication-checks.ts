import type { WorkingDayCalendar } from '../../../lib/calendar/index.ts';
import {
  type BuiltInCheck,
  checkResult,
  labelFindings,
  prepareCheckRun,
  severityOf,
} from './check-registry.ts';
import type { CheckName, Severity } from './finding.ts';
import { checkInternalLinks, internalLinksOf } from './internal-links.ts';
import { checkLateness } from './lateness.ts';
import { checkExternalLinks } from './links.ts';
import { checkPersonalData } from './personal-data.ts';
import type {
  PrePublicationConfig,
  PrePublicationInput,
  PrePublicationResult,
} from './pre-publication.types.ts';
import { checkRequiredMetadata, DEFAULT_REQUIRED_METADATA } from './required-metadata.ts';
import { checkSecrecyMarks } from './secrecy-marks.ts';
import { DEFAULT_SENSITIVE_WORDS } from './sensitive-words.ts';
import { DEFAULT_TYPOS } from './word-lists.ts';
import { checkSensitiveWords, checkTypos } from './words.ts';

/**
 * Automatic checks before publication (先审查、后公开): run when an item is submitted for 保密审查 and again
 * before it is published; the findings are shown to the reviewers. Each check's severity comes from the
 * configuration: a 'block' finding stops publication, a 'warn' finding needs the reviewer's judgement.
 * Pure: attachment text is extracted beforehand (extractAttachmentText), dates are plain 'YYYY-MM-DD'.
 */

export type { CheckName, Finding, FindingLocation, FindingSeverity, Severity } from './finding.ts';
export type {
  PrePublicationConfig,
  PrePublicationInput,
  PrePublicationResult,
} from './pre-publication.types.ts';

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

/** The host of the public base URL (the site's own links are not external), if configured and valid. */
function siteHost(input: PrePublicationInput): string[] {
  try {
    return input.site?.publicBaseUrl ? [new URL(input.site.publicBaseUrl).hostname] : [];
  } catch {
    return [];
  }
}

type BuiltInRun = BuiltInCheck['run'];

/** What each built-in check does (the others read masked text, so their excerpts never show personal data). */
const BUILT_IN_RUNS: Readonly<Record<CheckName, BuiltInRun>> = {
  'secrecy-mark': ({ texts }) => checkSecrecyMarks(texts.maskedAll),
  'personal-data': ({ texts }) => checkPersonalData(texts.all),
  'sensitive-word': ({ texts, config }) => checkSensitiveWords(texts.maskedAll, config.sensitiveWords),
  typo: ({ texts, config }) => checkTypos(texts.maskedMain, config.typos),
  'required-metadata': ({ input, config }) => checkRequiredMetadata(input.metadata, config.requiredMetadata),
  'external-link': ({ input, config }) =>
    checkExternalLinks(input.bodyHtml, { allowedHosts: [...config.allowedHosts, ...siteHost(input)] }),
  'internal-link': ({ input }) =>
    input.site
      ? checkInternalLinks(
          internalLinksOf(input.bodyHtml, input.site),
          input.site.lookup,
          input.site.documentId,
        )
      : [],
  lateness: ({ input, calendar }) => checkLateness(input.metadata.formedOn, input.publishOn, calendar),
};

/**
 * The built-in checks, in CHECK_NAMES order, as they register themselves in every CheckRegistry
 * (publishing.module.ts); modules add theirs after them.
 */
export const BUILT_IN_CHECKS: readonly BuiltInCheck[] = CHECK_NAMES.map((name) => ({
  name,
  label: CHECK_LABELS[name],
  defaultSeverity: DEFAULT_PRE_PUBLICATION_CONFIG.severity[name],
  run: BUILT_IN_RUNS[name],
}));

/**
 * Runs every built-in check that is not 'off' and applies the configured severities; findings are ordered
 * by check. Pure and synchronous; DocumentReviewService runs the App's CheckRegistry (built-in checks and
 * the modules' ones) instead.
 */
export function runPrePublicationChecks(
  input: PrePublicationInput,
  config: PrePublicationConfig,
  calendar: WorkingDayCalendar,
): PrePublicationResult {
  const run = prepareCheckRun(input, config, calendar);
  const findings = BUILT_IN_CHECKS.flatMap((check) => {
    const severity = severityOf(check, config);
    return severity === 'off' ? [] : labelFindings(check, severity, check.run(run));
  });
  return checkResult(findings);
}
