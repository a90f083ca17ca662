/**
 * The registry of pre-publication checks (先审查、后公开): the built-in checks of pre-publication-checks.ts
 * register themselves, and other modules add theirs (政策解读's 三同步, a kind's own checks) without
 * editing publishing — docs/publishing-extension-points.md. One registry per Publishing instance (an App).
 */
import type { WorkingDayCalendar } from '../../../lib/calendar/index.ts';
import { kindMetadataOf } from '../documents/document-kind-metadata.ts';
import type { DocumentRow } from '../publishing.tables.ts';
import type {
  CheckName,
  ExtensionCheckName,
  Finding,
  FindingSeverity,
  RawFinding,
  ScannedText,
  Severity,
} from './finding.ts';
import { htmlToText } from './html-text.ts';
import { maskPersonalData } from './personal-data.ts';
import type {
  PrePublicationConfig,
  PrePublicationInput,
  PrePublicationResult,
} from './pre-publication.types.ts';

export type { ExtensionCheckName } from './finding.ts';

const EXTENSION_NAME = /^[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)+$/;

/** The document a check runs on, when run by DocumentReviewService (absent in pure runs). */
export interface CheckedDocument {
  id: number;
  /** Its kind key (document-kinds.ts); 'document' for 政府信息. */
  kind: string;
  unitId: number;
  state: string;
  /** The kind's extra metadata (parsed JSON; {} when none). */
  kindMetadata: Readonly<Record<string, unknown>>;
}

/** The CheckedDocument of a stored document. */
export function checkedDocumentOf(doc: DocumentRow): CheckedDocument {
  const { id, kind, unit_id: unitId, state } = doc;
  return { id, kind, unitId, state, kindMetadata: kindMetadataOf(doc.kind_metadata_json) };
}

/** What a check reads: the input, the configuration, the calendar and the prepared texts. */
export interface CheckRun {
  input: PrePublicationInput;
  config: PrePublicationConfig;
  calendar: WorkingDayCalendar;
  /** Title and body; with the attachments' text (`all`); the same with personal data masked. */
  texts: { main: ScannedText[]; all: ScannedText[]; maskedMain: ScannedText[]; maskedAll: ScannedText[] };
  document?: CheckedDocument | undefined;
}

/** One check. `run` may be async (a module's check may read its own tables). */
export interface PrePublicationCheck<N extends string = CheckName | ExtensionCheckName> {
  name: N;
  /** Chinese name (settings page, messages). */
  label: string;
  /** Severity when the configuration says nothing about this check. */
  defaultSeverity: Severity;
  /** Kinds of documents it applies to (document-kinds.ts keys); every kind when absent. */
  kinds?: readonly string[];
  run(run: CheckRun): readonly RawFinding[] | Promise<readonly RawFinding[]>;
}

/** A built-in check: synchronous, so the pure runPrePublicationChecks stays synchronous. */
export interface BuiltInCheck extends PrePublicationCheck<CheckName> {
  run(run: CheckRun): readonly RawFinding[];
}

function attachmentTexts(input: PrePublicationInput): ScannedText[] {
  return (input.attachments ?? [])
    .filter((a): a is { name: string; text: string } => a.text !== null)
    .map((a) => ({ location: `attachment:${a.name}` as const, text: a.text }));
}

/** The texts the checks scan; the masked ones keep personal data out of other checks' excerpts. */
export function prepareCheckRun(
  input: PrePublicationInput,
  config: PrePublicationConfig,
  calendar: WorkingDayCalendar,
  document?: CheckedDocument,
): CheckRun {
  const main: ScannedText[] = [
    { location: 'title', text: input.metadata.title ?? '' },
    { location: 'body', text: htmlToText(input.bodyHtml) },
  ];
  const all = [...main, ...attachmentTexts(input)];
  const mask = (texts: ScannedText[]) =>
    texts.map((t) => ({ location: t.location, text: maskPersonalData(t.text) }));
  return {
    input,
    config,
    calendar,
    texts: { main, all, maskedMain: mask(main), maskedAll: mask(all) },
    document,
  };
}

/**
 * The severity of `check` under `config`: the configured one (the settings store a severity per check
 * name, built-in or not), else the check's default.
 */
export function severityOf(check: PrePublicationCheck<string>, config: PrePublicationConfig): Severity {
  return (
    (config.severity as Readonly<Record<string, Severity | undefined>>)[check.name] ?? check.defaultSeverity
  );
}

/** Whether `check` runs on a document of `kind` (a pure run checks an ordinary 政府信息). */
function appliesTo(check: PrePublicationCheck<string>, kind = 'document'): boolean {
  return !check.kinds || check.kinds.includes(kind);
}

/** The findings of one check with its name and severity. */
export function labelFindings(
  check: PrePublicationCheck<string>,
  severity: FindingSeverity,
  raw: readonly RawFinding[],
): Finding[] {
  return raw.map((f) => ({ check: check.name as Finding['check'], severity, ...f }));
}

/** `{ findings, blocked }`: blocked when any finding blocks. */
export function checkResult(findings: Finding[]): PrePublicationResult {
  return { findings, blocked: findings.some((f) => f.severity === 'block') };
}

export class CheckRegistry {
  private readonly checks: PrePublicationCheck[] = [];

  constructor(builtIn: readonly BuiltInCheck[] = []) {
    for (const c of builtIn) this.add(c);
  }

  /**
   * Adds a module's check; it runs after the built-in ones, in the order registered. Its name must be
   * namespaced (`module.check`) and unused.
   */
  register(check: PrePublicationCheck<ExtensionCheckName>): void {
    if (!EXTENSION_NAME.test(check.name))
      throw new Error(
        `Check name "${check.name}" must be namespaced by its module, e.g. "interpretation.three-sync"`,
      );
    this.add(check);
  }

  /** Every check, in the order findings are listed. */
  list(): readonly PrePublicationCheck[] {
    return this.checks;
  }

  get(name: string): PrePublicationCheck | undefined {
    return this.checks.find((c) => c.name === name);
  }

  /** Runs every check that applies to the document's kind and is not 'off'; findings ordered by check. */
  async run(
    input: PrePublicationInput,
    config: PrePublicationConfig,
    calendar: WorkingDayCalendar,
    document?: CheckedDocument,
  ): Promise<PrePublicationResult> {
    const run = prepareCheckRun(input, config, calendar, document);
    const findings: Finding[] = [];
    for (const check of this.checks) {
      const severity = severityOf(check, config);
      if (severity === 'off' || !appliesTo(check, document?.kind)) continue;
      findings.push(...labelFindings(check, severity, await check.run(run)));
    }
    return checkResult(findings);
  }

  private add(check: PrePublicationCheck): void {
    if (this.get(check.name)) throw new Error(`Check "${check.name}" is already registered`);
    this.checks.push(check);
  }
}
