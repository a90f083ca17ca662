/**
 * The validity a citation shows: the 规范性文件库's derived state on the day asked when the library has the
 * document (policies.ledger.stateOn), else the document's own 有效性 mark (国办发〔2017〕47号 政府网站发展指引:
 * amended, repealed or expired documents are marked on the original). A repealed, expired or withdrawn
 * document is never shown as in force. Pure.
 */
import type { CitationValidity } from './answer.model.ts';

/** The ledger's states (policies/policy.model.ts VALIDITY_STATE_LABELS), read structurally. */
const LEDGER_LABELS: Record<string, string> = {
  not_yet_effective: '尚未生效',
  in_force: '现行有效',
  amended: '已修改',
  partially_invalid: '部分失效',
  suspended: '暂停执行',
  repealed: '已废止',
  expired: '已失效',
};
/** States in which (some of) the text still applies (policies STATES_IN_FORCE). */
const LEDGER_IN_FORCE: ReadonlySet<string> = new Set(['in_force', 'amended', 'partially_invalid']);
/** States after which nothing of the text applies (policies FINAL_STATES). */
const LEDGER_FINAL: ReadonlySet<string> = new Set(['repealed', 'expired']);

/** documents.validity marks (publishing/documents/document.model.ts VALIDITIES). */
const MARK_LABELS: Record<string, string> = {
  valid: '现行有效',
  expired: '已失效',
  repealed: '已废止',
  amended: '已修改',
};
const MARK_FINAL: ReadonlySet<string> = new Set(['expired', 'repealed']);

/** From the ledger's DerivedValidity ({ state, since }). */
export function ledgerValidity(v: { state: string; since: string | null }, day: string): CitationValidity {
  const base = LEDGER_LABELS[v.state] ?? v.state;
  const inForce = LEDGER_IN_FORCE.has(v.state);
  const final = LEDGER_FINAL.has(v.state);
  const label =
    v.state === 'in_force'
      ? `现行有效（截至 ${day}）`
      : final && v.since
        ? `${base}（${v.since} 起）`
        : inForce
          ? `${base}，部分内容现行有效（截至 ${day}）`
          : base;
  return { state: v.state, label, inForce, final, source: 'ledger' };
}

/** From the document's own 有效性 mark (null: not marked — an ordinary 通知 or 公告). */
export function markValidity(
  doc: { validity: string | null; repealed_on?: string | null; state?: string },
  day: string,
): CitationValidity {
  if (doc.state === 'withdrawn')
    return { state: 'withdrawn', label: '已撤回', inForce: false, final: true, source: 'mark' };
  const mark = doc.validity;
  if (mark === null || !(mark in MARK_LABELS))
    return { state: 'unmarked', label: '未标注有效性', inForce: false, final: false, source: 'none' };
  const final = MARK_FINAL.has(mark);
  const label =
    mark === 'valid'
      ? `现行有效（截至 ${day}）`
      : mark === 'repealed' && doc.repealed_on
        ? `已废止（${doc.repealed_on} 起）`
        : MARK_LABELS[mark]!;
  return { state: mark, label, inForce: mark === 'valid', final, source: 'mark' };
}

/** A source named by title and 文号 only: its validity is not known here. */
export const EXTERNAL_VALIDITY: CitationValidity = {
  state: 'external',
  label: '平台外文件，有效性以发布机关公布为准',
  inForce: false,
  final: false,
  source: 'none',
};

/** A cited document that is no longer public (withdrawn or removed since the index was built). */
export const GONE_VALIDITY: CitationValidity = {
  state: 'withdrawn',
  label: '已撤回',
  inForce: false,
  final: true,
  source: 'none',
};
