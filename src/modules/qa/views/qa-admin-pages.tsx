/** Back-office pages of 政策问答 entries: the list with filters, the entry form, one entry with its review. */
import { DataTable } from '../../../http/kit/data-table.tsx';
import { FormPage } from '../../../http/kit/form-page.tsx';
import { Pager } from '../../../http/kit/pager.tsx';
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { EventAvailability } from '../../../lib/workflow/definition.ts';
import {
  QA_AUDIENCE_LABELS,
  QA_AUDIENCES,
  QA_ORIGIN_LABELS,
  QA_STATE_LABELS,
  QA_STATES,
  type QaOrigin,
  type QaState,
} from '../qa.model.ts';
import type { EntryRow } from '../qa-entries.service.ts';
import { sourceField } from '../qa-entry.model.ts';
import type { QaEntryEvent } from '../qa-entry.workflow.ts';
import type { SourceView } from '../qa-public.service.ts';
import { QA_SETTINGS } from '../qa-settings.ts';

type Named = { id: number; name: string };
const stateLabel = (r: EntryRow) => QA_STATE_LABELS[r.state as QaState] ?? r.state;

export type AdminListFiltersView = Record<'unit' | 'state' | 'flag' | 'q', string>;

export function QaListPage(p: {
  ctx: ViewContext;
  rows: EntryRow[];
  total: number;
  page: number;
  pageSize: number;
  units: Named[];
  filters: AdminListFiltersView;
  canExchange: boolean;
  today: string;
}) {
  const unitNames = new Map(p.units.map((u) => [u.id, u.name] as const));
  const f = p.filters;
  return (
    <AdminLayout ctx={p.ctx} title="政策问答库">
      <h1>政策问答库</h1>
      <p>
        <a class="button button-primary" href="/admin/qa/new">
          新建问答
        </a>{' '}
        <a href="/admin/qa/questions">未解答问题</a>
        {p.canExchange ? (
          <>
            {' · '}
            <a href="/admin/qa/exchange">导入导出与12345交换</a>
          </>
        ) : null}
      </p>
      <form method="get" action="/admin/qa" class="filters">
        <SelectField
          form={{ values: f, problems: [] }}
          name="unit"
          label="单位"
          placeholder="全部单位"
          options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <SelectField
          form={{ values: f, problems: [] }}
          name="state"
          label="状态"
          placeholder="全部状态"
          options={QA_STATES.map((s) => ({ value: s, label: QA_STATE_LABELS[s] }))}
        />
        <SelectField
          form={{ values: f, problems: [] }}
          name="flag"
          label="提醒"
          placeholder="不限"
          options={[
            { value: 'stale', label: '待更新（依据已变化）' },
            { value: 'overdue', label: '过期未复核' },
          ]}
        />
        <TextField form={{ values: f, problems: [] }} name="q" label="问题包含" />
        <Button kind="secondary">筛选</Button>
      </form>
      <DataTable
        caption={`问答（共 ${p.total} 条）`}
        rows={p.rows}
        rowKey={(r) => r.id}
        empty="没有符合条件的问答。"
        columns={[
          {
            header: '问题',
            cell: (r) => (
              <>
                <a href={`/admin/qa/${r.id}`}>{r.question}</a>
                {r.revision_of ? `（修订稿，原问答 ${r.revision_of}）` : null}
              </>
            ),
          },
          { header: '单位', cell: (r) => unitNames.get(r.unit_id) ?? '' },
          { header: '状态', cell: (r) => stateLabel(r) },
          {
            header: '提醒',
            cell: (r) =>
              [
                r.stale ? '待更新' : '',
                r.state === 'published' && r.review_on && r.review_on < p.today ? '过期未复核' : '',
              ]
                .filter(Boolean)
                .join('、'),
          },
          { header: '复核日期', cell: (r) => r.review_on ?? '' },
          { header: '更新时间', cell: (r) => r.updated_at.slice(0, 10) },
        ]}
      />
      <Pager base="/admin/qa" params={{ ...f }} page={p.page} total={p.total} pageSize={p.pageSize} />
    </AdminLayout>
  );
}

export function QaEntryFormPage(p: {
  ctx: ViewContext;
  form: FormState;
  action: string;
  title: string;
  units: Named[];
  topics: Named[];
  sourceRows: number;
}) {
  const { form } = p;
  const rows = Array.from({ length: p.sourceRows }, (_, i) => i);
  return (
    <FormPage
      ctx={p.ctx}
      title={p.title}
      action={p.action}
      form={form}
      submitLabel="保存"
      cancel={{ href: '/admin/qa', label: '返回列表' }}
      breadcrumbs={[{ href: '/admin/qa', label: '政策问答库' }, { label: p.title }]}
      intro={
        <p>
          依据文件可填写本平台已发布文件的文号或完整标题（不知道时先<a href="/admin/qa/documents">查找文件</a>
          ），也可填写外部文件的名称和文号。条款写作“第X条”，可加“第X款”“第X项”。
        </p>
      }
    >
      <SelectField
        form={form}
        name="unitId"
        label="所属单位"
        required
        options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
      />
      <TextField form={form} name="question" label="问题" required />
      <TextArea form={form} name="altQuestions" label="其他问法" hint="每行一条，例如口语化的问法" rows={3} />
      <TextArea form={form} name="answer" label="答复内容" required rows={10} hint="纯文字，段落之间空一行" />
      <SelectField
        form={form}
        name="topicId"
        label="主题"
        placeholder="（不选）"
        options={p.topics.map((t) => ({ value: String(t.id), label: t.name }))}
      />
      <CheckboxGroup
        form={form}
        name="audiences"
        legend="服务对象"
        options={QA_AUDIENCES.map((a) => ({ value: a, label: QA_AUDIENCE_LABELS[a] }))}
      />
      <TextField form={form} name="matter" label="事项" hint="所涉及的服务事项，例如 最低生活保障审核确认" />
      <TextField form={form} name="tags" label="标签" hint="用顿号或逗号分隔" />
      <TextField form={form} name="region" label="适用地区" />
      <TextField form={form} name="validUntil" label="有效期至" type="date" width="short" />
      {rows.map((i) => (
        <fieldset class="field" key={i}>
          <legend>第 {i + 1} 项依据</legend>
          <TextField form={form} name={sourceField(i, 'doc')} label="平台文件（文号或标题）" />
          <TextField form={form} name={sourceField(i, 'title')} label="或：外部文件名称" />
          <TextField form={form} name={sourceField(i, 'number')} label="外部文件文号" width="short" />
          <TextField
            form={form}
            name={sourceField(i, 'article')}
            label="条款"
            width="short"
            hint="例如 第二十条"
          />
          <TextArea form={form} name={sourceField(i, 'excerpt')} label="摘录" rows={2} />
        </fieldset>
      ))}
    </FormPage>
  );
}

const EVENT_NEEDS_REASON: readonly QaEntryEvent[] = ['return', 'withdraw'];

export function QaEntryAdminPage(p: {
  ctx: ViewContext;
  row: EntryRow;
  unitName: string;
  topicName: string | null;
  sources: SourceView[];
  actions: EventAvailability<QaEntryEvent>[];
  canEdit: boolean;
  canRevise: boolean;
  revisionId: number | null;
  form: FormState;
  notice?: string | undefined;
}) {
  const { row, form } = p;
  const alt = JSON.parse(row.alt_questions) as string[];
  const audiences = (JSON.parse(row.audiences) as (keyof typeof QA_AUDIENCE_LABELS)[]).map(
    (a) => QA_AUDIENCE_LABELS[a],
  );
  return (
    <AdminLayout ctx={p.ctx} title={form.problems.length ? `错误：${row.question}` : row.question}>
      <Breadcrumbs items={[{ href: '/admin/qa', label: '政策问答库' }, { label: row.question }]} />
      <ErrorSummary problems={form.problems} />
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <h1>{row.question}</h1>
      {row.stale ? (
        <Notice kind="warning">
          待更新：{row.stale_reason}（自 {row.stale_since}）。请修订后重新发布。
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          ['状态', `${stateLabel(row)}${row.revision_of ? `（问答 ${row.revision_of} 的修订稿）` : ''}`],
          ['所属单位', p.unitName],
          ['主题', p.topicName],
          ['服务对象', audiences.join('、')],
          ['事项', row.matter],
          ['其他问法', alt.join('；')],
          ['来源', QA_ORIGIN_LABELS[row.origin as QaOrigin] ?? row.origin],
          ['发布时间', row.published_at?.slice(0, 10) ?? null],
          ['复核日期', row.review_on],
          ['审核意见', row.review_note],
        ]}
      />
      <h2>答复内容</h2>
      {row.answer.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      <h2>依据</h2>
      <SourceList sources={p.sources} />
      <h2>办理</h2>
      {p.canEdit ? (
        <p>
          <a href={`/admin/qa/${row.id}/edit`}>修改</a>
        </p>
      ) : null}
      {p.revisionId ? (
        <p>
          <a href={`/admin/qa/${p.revisionId}`}>查看修订稿</a>
        </p>
      ) : p.canRevise ? (
        <form method="post" action={`/admin/qa/${row.id}/revise`} class="inline-form">
          <CsrfField token={p.ctx.csrfToken} />
          <Button kind="secondary">修订（发布前公众仍看到现有内容）</Button>
        </form>
      ) : null}
      {p.actions.map((a) => (
        <form
          method="post"
          action={`/admin/qa/${row.id}/events/${a.event}`}
          key={a.event}
          class="action-block"
        >
          <CsrfField token={p.ctx.csrfToken} />
          {EVENT_NEEDS_REASON.includes(a.event) ? (
            <TextArea form={form} name="reason" label={`${a.label}的理由`} rows={2} />
          ) : null}
          {a.reasons.length ? (
            <p class="hint">
              暂不能{a.label}：{a.reasons.join('；')}
            </p>
          ) : null}
          <Button kind={a.event === 'withdraw' || a.event === 'return' ? 'warning' : 'primary'}>
            {a.label}
          </Button>
        </form>
      ))}
    </AdminLayout>
  );
}

/** The sources of an answer with their 文号, 条款 and validity as of the day. */
export function SourceList({ sources }: { sources: SourceView[] }) {
  if (!sources.length) return <p>（尚未列出依据）</p>;
  return (
    <ol class="qa-sources">
      {sources.map((s, i) => (
        <li key={i}>
          {s.href ? <a href={s.href}>{s.title}</a> : s.title}
          {s.docNumber ? `（${s.docNumber}）` : null}
          {s.article ? ` ${s.article}` : null}
          {s.validity ? (
            <strong class={s.validity.inForce ? 'validity-ok' : 'validity-changed'}>
              {' '}
              {s.validity.label}（截至 {s.validity.asOf}）
            </strong>
          ) : (
            '（外部文件）'
          )}
          {s.excerpt ? <blockquote>{s.excerpt}</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}

export function DocumentPickerPage(p: {
  ctx: ViewContext;
  q: string;
  rows: { id: number; title: string; doc_number: string | null; published_on: string | null }[];
}) {
  return (
    <AdminLayout ctx={p.ctx} title="查找依据文件">
      <Breadcrumbs items={[{ href: '/admin/qa', label: '政策问答库' }, { label: '查找依据文件' }]} />
      <h1>查找依据文件</h1>
      <form method="get" action="/admin/qa/documents">
        <TextField form={{ values: { q: p.q }, problems: [] }} name="q" label="标题或文号包含" />
        <Button kind="secondary">查找</Button>
      </form>
      {p.q ? (
        <DataTable
          caption="已发布的文件（把文号或完整标题填入问答的“平台文件”一栏）"
          rows={p.rows}
          rowKey={(r) => r.id}
          empty="没有找到。"
          columns={[
            { header: '标题', cell: (r) => r.title },
            { header: '文号', cell: (r) => r.doc_number ?? '' },
            { header: '发布日期', cell: (r) => r.published_on ?? '' },
          ]}
        />
      ) : null}
    </AdminLayout>
  );
}

export function QaSettingsPage(p: { ctx: ViewContext; form: FormState; done: boolean }) {
  return (
    <AdminLayout ctx={p.ctx} title={p.form.problems.length ? '错误：政策问答设置' : '政策问答设置'}>
      <Breadcrumbs items={[{ href: '/admin/qa', label: '政策问答库' }, { label: '政策问答设置' }]} />
      <ErrorSummary problems={p.form.problems} />
      {p.done ? <Notice>设置已保存。</Notice> : null}
      <h1>政策问答设置</h1>
      <p>问答发布后，到复核日期须重新核对；过期未复核的问答在列表中可筛选。</p>
      <SettingsForm
        group={QA_SETTINGS}
        form={p.form}
        action="/admin/qa/settings"
        csrfToken={p.ctx.csrfToken}
      />
    </AdminLayout>
  );
}
