/**
 * The validity of what an answer cites, as of a day: the 规范性文件库's derived state
 * (policies.ledger.stateOn) when the library holds the document, else the document's own 有效性 mark.
 * A withdrawn, repealed or expired document is never shown as 现行有效; a document with no mark is shown
 * as 未标注, not as in force. Also why a source makes a published entry 待更新.
 */
import type { Registry } from '../../platform/module.ts';
import { VALIDITY_STATE_LABELS, type ValidityState } from '../policies/policy.model.ts';
import {
  NOT_IN_FORCE_VALIDITIES,
  VALIDITY_LABELS,
  type Validity,
} from '../publishing/documents/document.model.ts';
import type { QaEntriesRepository } from './qa-entries.repository.ts';

/** Library states after which an answer resting on the document must be checked again. */
const CHANGED_STATES: readonly ValidityState[] = [
  'amended',
  'partially_invalid',
  'suspended',
  'repealed',
  'expired',
];

export interface SourceValidity {
  /** 现行有效 / 已废止 / 已失效 / 已修改 / 已撤回 / 未标注有效性 … */
  label: string;
  /** Only true when the document is in force as of the day (the library's 现行有效 or the mark 有效). */
  inForce: boolean;
  /** The document no longer stands as it did (repealed, expired, amended, suspended, withdrawn). */
  changed: boolean;
  asOf: string;
}

export interface DocumentFacts {
  id: number;
  title: string;
  doc_number: string | null;
  state: string;
  validity: string | null;
  published_at: string | null;
  last_version_at: string | null;
}

export class SourceValidityReader {
  constructor(
    private readonly repo: QaEntriesRepository,
    private readonly policies: Registry['policies'] | null,
  ) {}

  /** Facts and validity of each document, by id. */
  async of(
    ids: readonly number[],
    asOf: string,
  ): Promise<Map<number, { facts: DocumentFacts; validity: SourceValidity }>> {
    const out = new Map<number, { facts: DocumentFacts; validity: SourceValidity }>();
    for (const facts of await this.repo.documentFacts([...new Set(ids)]))
      out.set(facts.id, { facts, validity: await this.validityOf(facts, asOf) });
    return out;
  }

  private async validityOf(f: DocumentFacts, asOf: string): Promise<SourceValidity> {
    if (f.state !== 'published') return { label: '已撤回', inForce: false, changed: true, asOf };
    const derived = this.policies ? await this.policies.ledger.stateOn(f.id, asOf) : null;
    if (derived)
      return {
        label: VALIDITY_STATE_LABELS[derived.state],
        inForce: derived.state === 'in_force',
        changed: CHANGED_STATES.includes(derived.state),
        asOf,
      };
    const mark = f.validity as Validity | null;
    if (!mark) return { label: '未标注有效性', inForce: false, changed: false, asOf };
    return {
      label: mark === 'valid' ? '现行有效' : VALIDITY_LABELS[mark],
      inForce: mark === 'valid',
      changed: NOT_IN_FORCE_VALIDITIES.includes(mark),
      asOf,
    };
  }
}

/**
 * Why a source makes an entry published at `publishedAt` 待更新 (null: it does not): the document was
 * withdrawn, is no longer in force, or a newer version of it was published after the entry.
 */
export function staleReason(f: DocumentFacts, v: SourceValidity, publishedAt: string): string | null {
  const name = `《${f.title}》${f.doc_number ? `（${f.doc_number}）` : ''}`;
  if (v.changed) return `${name}${v.label}`;
  const newest = [f.published_at, f.last_version_at]
    .filter((x): x is string => !!x)
    .sort()
    .pop();
  if (newest && newest > publishedAt) return `${name}在本问答发布后有新版本（${newest.slice(0, 10)}）`;
  return null;
}
