/**
 * The annual report's checks before publication (issue 12 §3, docs/reports-checks.md): pure functions of
 * the report's figures and text and, when known, last year's. Errors block 提交审核; warnings are shown
 * and may be kept.
 */

import {
  type CheckDefinition,
  type CheckInput,
  type ReportCheck,
  resolveCheckSettings,
} from './report-checks.model.ts';
import { FIGURE_CHECKS } from './report-checks-figures.ts';
import { TABLE3_CHECKS } from './report-checks-table3.ts';
import { TEXT_CHECKS } from './report-checks-text.ts';

export {
  CHECK_SETTINGS_SCHEMA,
  type CheckInput,
  type CheckSettings,
  DEFAULT_CHECK_SETTINGS,
  type ReportCheck,
  type SimilarParagraph,
} from './report-checks.model.ts';
export { detect2019Labels } from './report-checks-format2019.ts';

/** Every check, in the order their failures are listed (tables first, then text). */
export const REPORT_CHECKS: readonly CheckDefinition[] = [...TABLE3_CHECKS, ...FIGURE_CHECKS, ...TEXT_CHECKS];

function runAll(input: CheckInput) {
  const settings = resolveCheckSettings(input.settings);
  return REPORT_CHECKS.map((check) => ({ check, failures: check.run(input, settings) }));
}

/** The failed checks of a report: errors (which block 提交审核) and warnings, in REPORT_CHECKS order. */
export function checkReport(input: CheckInput): ReportCheck[] {
  return runAll(input).flatMap(({ failures }) => failures ?? []);
}

/**
 * The titles of the checks that ran and found nothing, for the UI's list of what was checked. A check
 * that could not run (no previous year) is in neither list; one that could not compute a cell reports
 * a warning and is not passed.
 */
export function passedChecks(input: CheckInput): string[] {
  return runAll(input)
    .filter(({ failures }) => failures !== null && failures.length === 0)
    .map(({ check }) => check.title);
}
