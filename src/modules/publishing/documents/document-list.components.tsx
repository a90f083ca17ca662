/** publishing's view components that other modules may render (the portal's home page lists documents). */
import type { Unit } from '../../../db/schema.ts';
import type { PublicDocumentRepository } from './document-public.repository.ts';

/** One row of a public list (published documents only). */
export type DocSummary = Awaited<ReturnType<PublicDocumentRepository['latestPublished']>>[number];

/** Newest first: title link, 发文字号 and 发布日期. */
export function DocList({ docs, units }: { docs: readonly DocSummary[]; units?: ReadonlyMap<number, Unit> }) {
  if (!docs.length) return <p>暂无信息。</p>;
  return (
    <ul class="doc-list">
      {docs.map((d) => (
        <li key={d.id}>
          <a href={`/documents/${d.id}`}>{d.title}</a>
          <span class="hint">
            {' '}
            {[units?.get(d.unit_id)?.name, d.doc_number, d.published_on].filter(Boolean).join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
