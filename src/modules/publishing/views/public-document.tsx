/** The public document page (standard metadata table, body, attachments, corrections, related) and its print view. */
import type { Unit } from '../../../db/schema.ts';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import {
  NOT_IN_FORCE_VALIDITIES,
  VALIDITY_LABELS,
  type Validity,
  WITHDRAWAL_REASON_LABELS,
  type WithdrawalReason,
} from '../documents/document.model.ts';
import type { RenderedPanels } from '../documents/document-panels.ts';
import type { PublicDocumentRepository } from '../documents/document-public.repository.ts';
import type { DocumentRelations } from '../documents/document-relation.model.ts';
import { sanitiseHtml } from '../documents/html-sanitiser.ts';
import { PublicRelations } from './document-extensions.tsx';
import { DocList, type DocSummary, unitCrumbs } from './public-parts.tsx';

/** A publicly visible document as the repository returns it. */
export type PublicDoc = NonNullable<Awaited<ReturnType<PublicDocumentRepository['getPublished']>>>;

const kb = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/**
 * 索引号 · 主题分类 · 发布机构 · 成文日期 · 标题 · 发文字号 · 发布日期 · 有效性 when set (regulations §9), two
 * pairs a row.
 */
function MetadataTable({ doc, unit }: { doc: PublicDoc; unit: Unit }) {
  const publisher = doc.issuers.length ? doc.issuers.join('、') : unit.name;
  return (
    <table class="doc-meta">
      <caption class="visually-hidden">信息元数据</caption>
      <tbody>
        <tr>
          <th scope="row">索引号</th>
          <td>{doc.index_number}</td>
          <th scope="row">主题分类</th>
          <td>{doc.topic_name ?? '—'}</td>
        </tr>
        <tr>
          <th scope="row">发布机构</th>
          <td>{publisher}</td>
          <th scope="row">成文日期</th>
          <td>{doc.written_on ?? '—'}</td>
        </tr>
        <tr>
          <th scope="row">标题</th>
          <td colSpan={3}>{doc.title}</td>
        </tr>
        <tr>
          <th scope="row">发文字号</th>
          <td>{doc.doc_number ?? '—'}</td>
          <th scope="row">发布日期</th>
          <td>{doc.published_on}</td>
        </tr>
        <ValidityRows doc={doc} />
        {doc.keywords.length ? (
          <tr>
            <th scope="row">关键词</th>
            <td colSpan={3}>{doc.keywords.join('；')}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

const validityLabel = (doc: PublicDoc) =>
  doc.validity ? (VALIDITY_LABELS[doc.validity as Validity] ?? doc.validity) : null;

/** 有效性 (only when set) and 施行日期 / 废止日期 (each only when set), regulations §6 and §9. */
function ValidityRows({ doc }: { doc: PublicDoc }) {
  const cells: [string, string][] = [];
  const label = validityLabel(doc);
  if (label) cells.push(['有效性', label]);
  if (doc.effective_on) cells.push(['施行日期', doc.effective_on]);
  if (doc.repealed_on) cells.push(['废止日期', doc.repealed_on]);
  if (!cells.length) return null;
  const rows = [cells.slice(0, 2), cells.slice(2)].filter((r) => r.length);
  return (
    <>
      {rows.map((row) => (
        <tr key={row[0]![0]}>
          {row.map(([th, td]) => [
            <th scope="row" key={th}>
              {th}
            </th>,
            <td key={`${th}-v`} colSpan={row.length === 1 ? 3 : undefined}>
              {td}
            </td>,
          ])}
        </tr>
      ))}
    </>
  );
}

/** A notice on documents that no longer apply as written (国办发〔2017〕47号: mark them on the original). */
function ValidityNotice({ doc }: { doc: PublicDoc }) {
  if (!doc.validity || !NOT_IN_FORCE_VALIDITIES.includes(doc.validity as Validity)) return null;
  const text =
    doc.validity === 'repealed'
      ? `本文件已废止${doc.repealed_on ? `（废止日期：${doc.repealed_on}）` : ''}，仅供查阅，不再执行。`
      : doc.validity === 'expired'
        ? '本文件已失效，仅供查阅，不再执行。'
        : '本文件已修改，现行规定以修改后的文件为准。';
  return (
    <Notice kind="warning">
      <strong>{validityLabel(doc)}</strong>：{text}
    </Notice>
  );
}

function WithdrawnNotice({ doc }: { doc: PublicDoc }) {
  const reason = WITHDRAWAL_REASON_LABELS[doc.withdrawal_reason as WithdrawalReason] ?? doc.withdrawal_reason;
  return (
    <Notice kind="warning">
      <strong>已撤回</strong>：本信息已于 {doc.withdrawn_at?.slice(0, 10)} 撤回，原因：{reason}
      {doc.withdrawal_note ? `（${doc.withdrawal_note}）` : ''}。本页仅保留记录，内容不再有效。
    </Notice>
  );
}

function Corrections({ doc }: { doc: PublicDoc }) {
  if (!doc.corrections.length) return null;
  return (
    <section aria-labelledby="corrections">
      <h2 id="corrections">更正说明</h2>
      <ul>
        {doc.corrections.map((c) => (
          <li key={c.version}>
            {c.corrected_on}：{c.correction_note}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Body({ doc }: { doc: PublicDoc }) {
  // Sanitised when saved; sanitised again here (defence in depth).
  return <div class="doc-body" dangerouslySetInnerHTML={{ __html: sanitiseHtml(doc.body_html) }} />;
}

export function DocumentPage({
  ctx,
  doc,
  unit,
  related,
  relations,
  panels = {},
}: {
  ctx: ViewContext;
  doc: PublicDoc;
  unit: Unit;
  related: DocSummary[];
  /** Typed relations to other published documents (本文件的解读, 解读的文件 …). */
  relations?: DocumentRelations;
  /** Other modules' sections (document-panels.ts), by placement. */
  panels?: RenderedPanels;
}) {
  const column = doc.columns.find((c) => c.unit_id === unit.id) ?? doc.columns[0];
  const withdrawn = doc.state === 'withdrawn';
  return (
    <PublicLayout ctx={ctx} title={doc.title}>
      <Breadcrumbs
        items={[
          ...unitCrumbs(unit),
          ...(column ? [{ href: `/columns/${column.id}`, label: column.name }] : []),
          { label: doc.title },
        ]}
      />
      {withdrawn ? <WithdrawnNotice doc={doc} /> : null}
      <MetadataTable doc={doc} unit={unit} />
      <h1>{doc.title}</h1>
      <ValidityNotice doc={doc} />
      {panels.before_body}
      <Body doc={doc} />
      {panels.after_body}
      {doc.attachments.length ? (
        <section aria-labelledby="attachments">
          <h2 id="attachments">附件</h2>
          {withdrawn ? (
            <p>信息已撤回，附件不再提供下载。</p>
          ) : (
            <ul>
              {doc.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/documents/${doc.id}/attachments/${a.id}`}>{a.file_name}</a>（{kb(a.size)}）
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <Corrections doc={doc} />
      <PublicRelations relations={relations} />
      {panels.end}
      <p>
        <a href={`/documents/${doc.id}/print`}>打印本页</a>
      </p>
      {doc.columns.length ? (
        <p>
          所属栏目：
          {doc.columns.map((c, i) => (
            <span key={c.id}>
              {i ? '、' : ''}
              <a href={`/columns/${c.id}`}>{c.name}</a>
            </span>
          ))}
        </p>
      ) : null}
      {related.length ? (
        <section aria-labelledby="related">
          <h2 id="related">相关信息</h2>
          <DocList docs={related} />
        </section>
      ) : null}
    </PublicLayout>
  );
}

/** A bare page for printing: metadata, title, body, corrections; no navigation. */
export function DocumentPrintPage({ ctx, doc, unit }: { ctx: ViewContext; doc: PublicDoc; unit: Unit }) {
  return (
    <html lang="zh-CN" class={ctx.elder ? 'elder print-view' : 'print-view'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${doc.title}（打印） - ${ctx.site.name}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <link rel="canonical" href={`/documents/${doc.id}`} />
      </head>
      <body>
        <main id="main" class="wrap main">
          <p class="hint">
            {ctx.site.name} · 请使用浏览器的“打印”功能（Ctrl+P）打印本页。
            <a href={`/documents/${doc.id}`}>返回信息页面</a>
          </p>
          {doc.state === 'withdrawn' ? <WithdrawnNotice doc={doc} /> : null}
          <MetadataTable doc={doc} unit={unit} />
          <h1>{doc.title}</h1>
          <ValidityNotice doc={doc} />
          <Body doc={doc} />
          <Corrections doc={doc} />
        </main>
      </body>
    </html>
  );
}
