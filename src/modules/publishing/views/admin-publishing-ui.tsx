import type { SiteColumn } from '../publishing.tables.ts';
import { DOCUMENT_STATE_LABELS, type DocumentState } from '../review/document.workflow.ts';

export function StateTag({ state }: { state: string }) {
  const label = DOCUMENT_STATE_LABELS[state as DocumentState] ?? state;
  return (
    <span class={state === 'withdrawn' || state === 'withheld' ? 'tag tag-inactive' : 'tag'}>{label}</span>
  );
}

/** "上级 / 下级" names of every column, for labels that make sense out of the tree. */
export function columnPathNames(columns: readonly SiteColumn[]): Map<number, string> {
  const byId = new Map(columns.map((c) => [c.id, c]));
  const out = new Map<number, string>();
  for (const c of columns) {
    const ids = c.path.split('/').filter(Boolean).map(Number);
    out.set(
      c.id,
      ids
        .map((id) => byId.get(id)?.name ?? '')
        .filter(Boolean)
        .join(' / '),
    );
  }
  return out;
}

export const fmtTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
