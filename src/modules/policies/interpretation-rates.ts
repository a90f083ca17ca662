/**
 * 政策解读 rates per unit and period (issue 11 §9): 解读率, 及时率, forms per policy and 主要负责人解读, each
 * with its numerator, denominator, rule in words, target and cases. Pure: the service loads the policies
 * and their published 解读s and passes the working-day due date of each policy.
 *
 * Decisions (documented in the page's rule texts too):
 * - The policies counted are those of the kinds requiring 解读 (setting KINDS_REQUIRING_INTERPRETATION),
 *   first published (公布日期) in the period. A policy with a recorded 无需解读的理由 is EXEMPTED: it leaves
 *   the denominator (三同步 asks a 解读 only of policies that need one; the reason was reviewed with the
 *   policy) and is listed apart with its reason, so a supervisor can still check it.
 * - A 解读 counts when it is published now and linked to the policy (interpretation_of), whatever its date.
 * - 及时率 uses the same denominator as 解读率: a policy without any 解读 is not timely either.
 */
import type { InterpretationForm } from './policy.model.ts';

/** A policy that may need a 解读. */
export interface RatePolicy {
  documentId: number;
  unitId: number;
  title: string;
  docNumber: string | null;
  kind: string;
  publishedOn: string;
  /** 无需解读的理由, when one was recorded. */
  noInterpretationReason: string | null;
}

/** A published 解读 of a policy. */
export interface RateInterpretation {
  documentId: number;
  policyId: number;
  title: string;
  publishedOn: string;
  form: InterpretationForm | null;
  byPrincipal: boolean;
}

export interface RateSettings {
  /** Working days after publication within which the 解读 is due (INTERPRETATION_DUE_WORKING_DAYS). */
  dueWorkingDays: number;
  /** Target 解读率 in percent. */
  rateTarget: number;
  /** Distinct forms each policy should have. */
  formsTarget: number;
}

/** One policy with its 解读s and what counts for it. */
export interface RateCase {
  policy: RatePolicy;
  interpretations: RateInterpretation[];
  dueOn: string;
  /** The earliest publication day of its 解读s (null: none). */
  firstOn: string | null;
  interpreted: boolean;
  timely: boolean;
  forms: InterpretationForm[];
  byPrincipal: boolean;
}

export type RateKey = 'rate' | 'timeliness' | 'forms' | 'principal';

export interface RateFigure {
  key: RateKey;
  label: string;
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when the denominator is 0. */
  ratio: number | null;
  /** "9 ÷ 10 = 90.0%". */
  text: string;
  rule: string;
  /** The target in words ("不低于 90%"), null when the settings set none. */
  target: string | null;
  /** Whether the target is met (null: no target, or nothing to count). */
  met: boolean | null;
  /** Ids of the policies counted in the numerator. */
  caseIds: number[];
}

export interface InterpretationRates {
  from: string;
  to: string;
  settings: RateSettings;
  figures: RateFigure[];
  cases: RateCase[];
  exempted: RatePolicy[];
}

const pctText = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function figure(
  key: RateKey,
  label: string,
  counted: RateCase[],
  all: RateCase[],
  rule: string,
  target: { text: string; met: (ratio: number) => boolean } | null,
): RateFigure {
  const ratio = all.length ? counted.length / all.length : null;
  return {
    key,
    label,
    numerator: counted.length,
    denominator: all.length,
    ratio,
    text: `${counted.length} ÷ ${all.length} = ${pctText(ratio)}`,
    rule,
    target: target?.text ?? null,
    met: target && ratio !== null ? target.met(ratio) : null,
    caseIds: counted.map((c) => c.policy.documentId),
  };
}

/** One policy with its published 解读s, earliest first, and what counts for it. */
function caseOf(policy: RatePolicy, all: readonly RateInterpretation[], dueOn: string): RateCase {
  const interpretations = all
    .filter((i) => i.policyId === policy.documentId)
    .sort((a, b) => (a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : 0));
  const firstOn = interpretations[0]?.publishedOn ?? null;
  return {
    policy,
    interpretations,
    dueOn,
    firstOn,
    interpreted: firstOn !== null,
    timely: firstOn !== null && firstOn <= dueOn,
    forms: [...new Set(interpretations.flatMap((i) => (i.form ? [i.form] : [])))],
    byPrincipal: interpretations.some((i) => i.byPrincipal),
  };
}

/**
 * The rates of the policies given (already limited to the unit and period) and their 解读s. `dueOn(d)`
 * is the working day the 解读 of a policy published on `d` is due (calendar; publication day not counted).
 */
export function computeInterpretationRates(p: {
  from: string;
  to: string;
  policies: readonly RatePolicy[];
  interpretations: readonly RateInterpretation[];
  settings: RateSettings;
  dueOn: (publishedOn: string) => string;
}): InterpretationRates {
  const s = p.settings;
  const exempted = p.policies.filter((x) => x.noInterpretationReason);
  const cases = p.policies
    .filter((x) => !x.noInterpretationReason)
    .map((policy) => caseOf(policy, p.interpretations, p.dueOn(policy.publishedOn)));
  const scope = `须同步解读的文件（${p.from} 至 ${p.to} 公布，已写明无需解读理由的不计入）`;
  const figures = [
    figure(
      'rate',
      '政策解读率',
      cases.filter((c) => c.interpreted),
      cases,
      `有已发布解读（关联为“解读”）的文件数 ÷ ${scope}数。`,
      { text: `不低于 ${s.rateTarget}%`, met: (r) => r * 100 >= s.rateTarget },
    ),
    figure(
      'timeliness',
      '解读及时率',
      cases.filter((c) => c.timely),
      cases,
      `首个解读在文件公布后 ${s.dueWorkingDays} 个工作日内（公布当日不计，节假日按工作日历顺延）发布的文件数 ÷ ${scope}数；未解读的计为不及时。`,
      null,
    ),
    figure(
      'forms',
      '解读形式达标率',
      cases.filter((c) => c.forms.length >= s.formsTarget),
      cases,
      `已发布解读中不同解读形式达到 ${s.formsTarget} 种的文件数 ÷ ${scope}数。`,
      { text: `每件文件不少于 ${s.formsTarget} 种解读形式`, met: (r) => r >= 1 },
    ),
    figure(
      'principal',
      '主要负责人解读',
      cases.filter((c) => c.byPrincipal),
      cases,
      `有主要负责人解读的文件数 ÷ ${scope}数。`,
      null,
    ),
  ];
  return { from: p.from, to: p.to, settings: s, figures, cases, exempted };
}

/** The figure of a key (always present). */
export function rateFigure(r: InterpretationRates, key: RateKey): RateFigure {
  return r.figures.find((f) => f.key === key) as RateFigure;
}

/** The first and last day of a quarter (1–4) or of the whole year. */
export function periodOf(year: number, quarter?: number): { from: string; to: string } {
  if (!quarter) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const days = [31, 30, 30, 31][quarter - 1] as number;
  const mm = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(last)}-${days}` };
}
