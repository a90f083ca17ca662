/** The back-office page of one document: state, metadata, check findings, actions, reviews and versions. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  ErrorSummary,
  Notice,
  SummaryList,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { Finding } from '../checks/finding.ts';
import {
  CONFIDENTIALITY_CONCLUSION_LABELS,
  type ConfidentialityConclusion,
  DISCLOSURE_MODE_LABELS,
  type DisclosureMode,
  VALIDITY_LABELS,
  type Validity,
  WITHDRAWAL_REASON_LABELS,
  WITHHOLDING_GROUND_LABELS,
  type WithdrawalReason,
  type WithholdingGround,
} from '../documents/document.model.ts';
import type { DocumentKind } from '../documents/document-kinds.ts';
import type { RenderedPanels } from '../documents/document-panels.ts';
import type { DocumentRelations } from '../documents/document-relation.model.ts';
import { sanitiseHtml } from '../documents/html-sanitiser.ts';
import type { DocumentRow } from '../publishing.tables.ts';
import {
  DOCUMENT_STATE_LABELS,
  DOCUMENT_WORKFLOW,
  type DocumentEvent,
  type DocumentState,
} from '../review/document.workflow.ts';
import { type ActionKey, type ActionState, DocumentActions } from './admin-document-actions.tsx';
import { fmtTime, StateTag } from './admin-publishing-ui.tsx';
import { AdminRelations, kindSummaryRows } from './document-extensions.tsx';

export interface DocumentPageProps {
  ctx: ViewContext;
  doc: DocumentRow;
  unitName: string;
  topicName: string | null;
  issuers: string[];
  columnNames: string[];
  attachments: { id: number; file_name: string; size: number }[];
  findings: Finding[];
  reviews: {
    id: number;
    event: string;
    to_state: string;
    actor_name: string;
    conclusion: string | null;
    ground: string | null;
    reason: string | null;
    created_at: string;
  }[];
  versions: {
    version: number;
    published_at: string | null;
    correction_note: string | null;
    corrected_on: string | null;
  }[];
  actions: ActionState[];
  failed?: { key: ActionKey; form: FormState };
  /** The 变更有效性 form with the current marks (or what was typed). */
  validityForm?: FormState;
  /** Whether the actor may remove attachments (never-published drafts only). */
  canRemoveAttachments?: boolean;
  done?: string;
  /** The document's kind and its metadata (rows after the core ones; none for 政府信息). */
  kind?: DocumentKind;
  kindMetadata?: Record<string, unknown>;
  /** Typed relations, both directions; the add form when `canEditRelations`. */
  relations?: DocumentRelations;
  canEditRelations?: boolean;
  /** Other modules' sections (document-panels.ts); on this page all of them come before the body. */
  panels?: RenderedPanels;
  /** The add-relation form after a failed attempt. */
  relationForm?: FormState;
}

const DONE: Record<string, string> = {
  created: '信息草稿已保存。',
  saved: '修改已保存。',
  submit: '已提交保密审查。',
  review: '保密审查结论已记录。',
  return: '已退回修改。',
  approve: '审核已通过。',
  unschedule: '已取消定时发布。',
  force: '已强制发布。',
  withdraw: '信息已撤回，公开页面显示已撤回提示。',
  correct: '更正已发布。',
  validity: '有效性已变更，原版本已保留。',
  attachment_removed: '附件已删除。',
  relation_added: '关联已添加。',
  relation_removed: '关联已取消。',
};

const LOCATION = (l?: string) =>
  !l ? '—' : l === 'title' ? '标题' : l === 'body' ? '正文' : `附件“${l.replace(/^attachment:/, '')}”`;

function conclusionText(r: DocumentPageProps['reviews'][number]) {
  if (r.event === 'withdraw')
    return WITHDRAWAL_REASON_LABELS[r.conclusion as WithdrawalReason] ?? r.conclusion;
  const c = r.conclusion
    ? (CONFIDENTIALITY_CONCLUSION_LABELS[r.conclusion as ConfidentialityConclusion] ?? r.conclusion)
    : '';
  const g = r.ground ? (WITHHOLDING_GROUND_LABELS[r.ground as WithholdingGround] ?? r.ground) : '';
  return [c, g].filter(Boolean).join('：') || '—';
}

export function Findings({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p>未发现问题。</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>
          发布前检查发现 {findings.length} 项（阻止发布{' '}
          {findings.filter((f) => f.severity === 'block').length} 项）
        </caption>
        <thead>
          <tr>
            <th scope="col">级别</th>
            <th scope="col">问题</th>
            <th scope="col">摘录</th>
            <th scope="col">位置</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={`${f.check}-${i}`}>
              <td>{f.severity === 'block' ? <strong>阻止发布</strong> : '提醒'}</td>
              <td>{f.message}</td>
              <td>{f.excerpt ?? '—'}</td>
              <td>{LOCATION(f.location)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DocumentPage(p: DocumentPageProps) {
  const { doc, ctx } = p;
  const problems = p.failed?.form.problems ?? p.relationForm?.problems ?? [];
  return (
    <AdminLayout ctx={ctx} title={doc.title}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '工作台' },
          { href: `/admin/documents?unit=${doc.unit_id}`, label: '信息发布' },
          { label: '信息详情' },
        ]}
      />
      <h1>{doc.title}</h1>
      <ErrorSummary problems={problems} />
      {p.done && DONE[p.done] ? <Notice>{DONE[p.done]}</Notice> : null}
      <p>
        状态：
        <StateTag state={doc.state} />
        {doc.state === 'scheduled' ? `　定时发布时间：${fmtTime(doc.scheduled_at)}` : null}
        {doc.state === 'published' || doc.state === 'withdrawn' ? (
          <a href={`/documents/${doc.id}`}>　查看公开页面</a>
        ) : null}
      </p>
      {doc.state === 'withdrawn' ? (
        <Notice kind="warning">
          已于 {fmtTime(doc.withdrawn_at)} 撤回：
          {WITHDRAWAL_REASON_LABELS[doc.withdrawal_reason as WithdrawalReason] ?? doc.withdrawal_reason}
          {doc.withdrawal_note ? `（${doc.withdrawal_note}）` : ''}
        </Notice>
      ) : null}
      <h2>操作</h2>
      <DocumentActions
        docId={doc.id}
        csrf={ctx.csrfToken}
        actions={p.actions}
        failed={p.failed}
        forms={p.validityForm ? { validity: p.validityForm } : {}}
      />
      <h2>发布前检查</h2>
      <Findings findings={p.findings} />
      <h2>基本信息</h2>
      <SummaryList
        rows={[
          ['索引号', doc.index_number ?? '（发布时生成）'],
          ['发布机构', p.unitName],
          ['发文机关', p.issuers.join('、')],
          ['发文字号', doc.doc_number],
          ['文种', doc.genre],
          ['主题分类', p.topicName],
          ['成文日期', doc.written_on],
          ['信息形成日期', doc.formed_on],
          ['发布日期', doc.published_on],
          ['公开方式', DISCLOSURE_MODE_LABELS[doc.disclosure_mode as DisclosureMode] ?? doc.disclosure_mode],
          [
            '不予公开依据',
            doc.withheld_ground ? WITHHOLDING_GROUND_LABELS[doc.withheld_ground as WithholdingGround] : null,
          ],
          ['栏目', p.columnNames.join('、')],
          ['关键词', (JSON.parse(doc.keywords_json) as string[]).join('、')],
          ['内容概述', doc.summary],
          ['来源', doc.source],
          ['有效性', doc.validity ? (VALIDITY_LABELS[doc.validity as Validity] ?? doc.validity) : null],
          ['施行日期', doc.effective_on],
          ['废止日期', doc.repealed_on],
          ['版本', doc.version ? `第 ${doc.version} 版` : '未发布'],
          ...kindSummaryRows(p.kind, p.kindMetadata ?? {}),
        ]}
      />
      <h2 id="f-attachments" tabindex={-1}>
        附件
      </h2>
      {p.attachments.length ? (
        <ul>
          {p.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/admin/documents/${doc.id}/attachments/${a.id}`}>{a.file_name}</a>（
              {Math.ceil(a.size / 1024)} KB）
              {p.canRemoveAttachments ? (
                <ActionForm
                  action={`/admin/documents/${doc.id}/attachments/${a.id}/remove`}
                  csrf={ctx.csrfToken}
                  label={`删除附件“${a.file_name}”`}
                  kind="warning"
                />
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>无附件。</p>
      )}
      {p.relations ? (
        <AdminRelations
          docId={doc.id}
          csrf={ctx.csrfToken}
          relations={p.relations}
          canEdit={p.canEditRelations ?? false}
          form={p.relationForm}
        />
      ) : null}
      {p.panels?.before_body}
      <h2>正文预览</h2>
      {/* body_html was sanitised when saved; it is passed through the sanitiser again before display. */}
      <div class="document-body" dangerouslySetInnerHTML={{ __html: sanitiseHtml(doc.body_html) }} />
      <h2>审查记录</h2>
      {p.reviews.length ? (
        <div class="table-wrap">
          <table>
            <caption>共 {p.reviews.length} 条</caption>
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">操作</th>
                <th scope="col">操作人</th>
                <th scope="col">结论</th>
                <th scope="col">理由或意见</th>
                <th scope="col">结果状态</th>
              </tr>
            </thead>
            <tbody>
              {p.reviews.map((r) => (
                <tr key={r.id}>
                  <td>{fmtTime(r.created_at)}</td>
                  <td>{DOCUMENT_WORKFLOW[r.event as DocumentEvent]?.label ?? r.event}</td>
                  <td>{r.actor_name}</td>
                  <td>{conclusionText(r)}</td>
                  <td>{r.reason ?? '—'}</td>
                  <td>{DOCUMENT_STATE_LABELS[r.to_state as DocumentState] ?? r.to_state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>尚无审查记录。</p>
      )}
      <h2>历史版本</h2>
      {p.versions.length ? (
        <ul>
          {p.versions.map((v) => (
            <li key={v.version}>
              第 {v.version} 版，发布于 {fmtTime(v.published_at)}
              {v.correction_note ? `；${v.corrected_on} 更正：${v.correction_note}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>没有更早的版本。</p>
      )}
    </AdminLayout>
  );
}
