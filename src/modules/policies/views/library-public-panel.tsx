/**
 * The 有效性 panel on the public page of a 规章 / 规范性文件 / 政策文件 (publishing.panels, before the body):
 * the derived state with its certainty, 登记号, the dates, the history of validity events with their
 * sources, the download versions and the way back to the library.
 */
import { ModuleStylesheets } from '../../../http/kit/module-stylesheet.tsx';
import { SummaryList } from '../../../http/views/components.tsx';
import type { DocumentPanel } from '../../publishing/documents/document-panels.ts';
import type { LibraryEventRow, LibraryRow } from '../library-public.repository.ts';
import {
  CERTAINTY_LABELS,
  type Certainty,
  POLICY_KINDS,
  VALIDITY_EVENT_LABELS,
  type ValidityEvent,
} from '../policy.model.ts';
import {
  expirySourceLabel,
  LIBRARY_NAMES,
  LIBRARY_STYLESHEET,
  libraryPath,
  stateLabel,
} from './library-public-parts.tsx';

function Source({ e }: { e: LibraryEventRow }) {
  if (e.source_document_id && e.source_public_title)
    return <a href={`/documents/${e.source_document_id}`}>{e.source_public_title}</a>;
  const named = [e.source_title ? `《${e.source_title}》` : null, e.source_doc_number].filter(Boolean);
  return named.length ? <span>{named.join('')}</span> : null;
}

function HistoryItem({ e }: { e: LibraryEventRow }) {
  const label = VALIDITY_EVENT_LABELS[e.event_type as ValidityEvent] ?? e.event_type;
  const source = <Source e={e} />;
  const hasSource = Boolean(e.source_public_title || e.source_title || e.source_doc_number);
  return (
    <li>
      <time dateTime={e.occurs_on}>{e.occurs_on}</time> {label}
      {hasSource ? <>（依据：{source}）</> : null}
      {e.certainty !== 'official' ? `，${CERTAINTY_LABELS[e.certainty as Certainty] ?? e.certainty}` : null}
      {e.note ? `。${e.note}` : null}
    </li>
  );
}

export function ValidityPanel({ entry, history }: { entry: LibraryRow; history: LibraryEventRow[] }) {
  const certainty = CERTAINTY_LABELS[entry.certainty as Certainty] ?? entry.certainty;
  const since = entry.state_since ? `，自 ${entry.state_since} 起` : '';
  const source = expirySourceLabel(entry.expiry_source);
  const kind = entry.kind as keyof typeof LIBRARY_NAMES;
  const library = `${libraryPath(entry.unit_id)}?kind=${entry.kind}`;
  return (
    <section class="policy-validity" aria-labelledby="policy-validity-title">
      <ModuleStylesheets names={[LIBRARY_STYLESHEET]} />
      <h2 id="policy-validity-title">文件库信息</h2>
      <SummaryList
        rows={[
          ['有效性', `${stateLabel(entry.state, entry.certainty)}（${certainty}${since}）`],
          ['统一登记号', entry.registration_number ?? '—'],
          ['公布日期', entry.published_on ?? entry.published_at?.slice(0, 10) ?? '—'],
          ['施行日期', entry.effective_on ?? '—'],
          ['有效期至', entry.expires_on ? `${entry.expires_on}${source ? `（${source}）` : ''}` : '未规定'],
        ]}
      />
      <h3>有效性变化记录</h3>
      {history.length ? (
        <ol>
          {history.map((e) => (
            <HistoryItem key={e.id} e={e} />
          ))}
        </ol>
      ) : (
        <p>暂无修改、废止、失效等记录。</p>
      )}
      <p>
        下载：<a href={`/library/documents/${entry.document_id}.docx`}>Word 版</a>
        {'　'}
        <a href={`/library/documents/${entry.document_id}.pdf`}>PDF 版</a>
      </p>
      <p>
        <a href={library}>查看{LIBRARY_NAMES[kind] ?? '规范性文件库'}</a>
      </p>
    </section>
  );
}

/** The panel as registered with 主动公开 (publishing.panels): public pages of the library's kinds. */
export function validityPanel(library: {
  entry(id: number): Promise<{ entry: LibraryRow; history: LibraryEventRow[] } | undefined>;
}): DocumentPanel {
  return {
    name: 'policies.validity',
    placement: 'before_body',
    audience: ['public'],
    kinds: POLICY_KINDS,
    render: async (doc) => {
      const found = await library.entry(doc.id);
      return found ? <ValidityPanel entry={found.entry} history={found.history} /> : null;
    },
  };
}
