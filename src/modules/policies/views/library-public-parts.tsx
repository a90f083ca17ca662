/** Labels shared by the public library pages, the document panel, the feed and the API. */
import {
  type Certainty,
  POLICY_KIND_LABELS,
  type PolicyKind,
  VALIDITY_STATE_LABELS,
  type ValidityState,
} from '../policy.model.ts';

/** Names of the three libraries (the kind switch). */
export const LIBRARY_NAMES: Record<PolicyKind, string> = {
  regulation: '规章库',
  normative: '行政规范性文件库',
  policy: '其他政策文件',
};

export const kindLabel = (k: string) => POLICY_KIND_LABELS[k as PolicyKind] ?? k;

/** “现行有效”, or “现行有效（推定）” when the state is presumed or inferred rather than documented. */
export function stateLabel(state: string, certainty: string): string {
  const label = VALIDITY_STATE_LABELS[state as ValidityState] ?? state;
  return (certainty as Certainty) === 'official' ? label : `${label}（推定）`;
}

/** Where 有效期至 comes from, as the public reads it (null: no 有效期). */
export function expirySourceLabel(source: string | null): string | null {
  if (source === 'metadata' || source === 'text') return '文件载明';
  if (source === 'rule') return '按本地规定推定';
  return null;
}

/** The link of a library page: the whole site or a unit's. */
export const libraryPath = (unitId: number | null) => (unitId ? `/units/${unitId}/library` : '/library');

/** Name of the library's stylesheet (views/library-public.css, /assets/policies-library.css). */
export const LIBRARY_STYLESHEET = 'policies-library';
