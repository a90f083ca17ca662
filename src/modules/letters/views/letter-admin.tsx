/** Staff letter pages: the queue and the letter page (timeline, due date explained, events, reply editor). */

import type { Unit } from '../../../db/schema.ts';
import { DataTable } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  CLOSE_REASONS,
  LETTER_STATUS_LABELS,
  LETTER_STATUSES,
  LETTER_TYPE_LABELS,
  LETTER_TYPES,
  type LetterEventKind,
  type LetterStatus,
  REPLY_STATUS_LABELS,
  type ReplyStatus,
  SITE_ERROR_KINDS,
} from '../letter.model.ts';
import type { LetterEvent } from '../letter.workflow.ts';
import type { LetterViews, QueueItem } from '../letter-views.service.ts';
import type { ChannelRow } from '../letters.repository.ts';
import { ClockTag, chinaDateTime, LettersStyles } from './letter-ui.tsx';

const typeLabel = (t: string) => LETTER_TYPE_LABELS[t as keyof typeof LETTER_TYPE_LABELS] ?? t;
const statusLabel = (s: string) => LETTER_STATUS_LABELS[s as LetterStatus] ?? s;

const EVENT_LABELS: Record<LetterEventKind, string> = {
  received: '收到来信',
  routed: '分办',
  handed_back: '退回分办',
  transferred: '转办',
  marked_simple: '标记为简单咨询',
  reply_submitted: '答复提交审核',
  reply_returned: '答复退回修改',
  reply_sent: '答复已发送',
  rated: '来信人评价',
  follow_up: '来信人追问',
  closed: '关闭',
  published: '公开',
  unpublished: '取消公开',
};

export interface QueueFilter {
  tab: string;
  unitId?: number;
  type?: string;
  channelId?: number;
}

export function QueuePage({
  ctx,
  rows,
  reminders,
  filter,
  units,
  channels,
}: {
  ctx: ViewContext;
  rows: QueueItem[];
  /** The latest reminder the daily job raised for each letter (letter-reminders.ts). */
  reminders: ReadonlyMap<number, { kind: string; day: string }>;
  filter: QueueFilter;
  units: Unit[];
  channels: ChannelRow[];
}) {
  const tabs = [
    ['open', '未办结'],
    ...LETTER_STATUSES.map((s) => [s, LETTER_STATUS_LABELS[s]]),
    ['all', '全部'],
  ];
  const q = (tab: string) => `/admin/letters?tab=${tab}`;
  const form: FormState = {
    values: {
      tab: filter.tab,
      unitId: filter.unitId ?? '',
      type: filter.type ?? '',
      channelId: filter.channelId ?? '',
    },
    problems: [],
  };
  return (
    <AdminLayout ctx={ctx} title="政民互动来信">
      <LettersStyles />
      <h1>政民互动来信</h1>
      <nav aria-label="按状态查看">
        <ul class="tabs">
          {tabs.map(([k, label]) => (
            <li key={k}>
              <a href={q(k as string)} aria-current={filter.tab === k ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/admin/letters" class="filters">
        <input type="hidden" name="tab" value={filter.tab} />
        <SelectField
          form={form}
          name="unitId"
          label="承办单位"
          placeholder="全部"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <SelectField
          form={form}
          name="type"
          label="类型"
          placeholder="全部"
          options={LETTER_TYPES.map((t) => ({ value: t.code, label: t.label }))}
        />
        <SelectField
          form={form}
          name="channelId"
          label="信箱"
          placeholder="全部"
          options={channels.map((c) => ({ value: String(c.id), label: c.name }))}
        />
        <Button kind="secondary">筛选</Button>
      </form>
      <DataTable
        caption={`来信（${rows.length} 件）`}
        rows={rows}
        rowKey={(r) => r.id}
        empty={<p>没有符合条件的来信。</p>}
        columns={[
          {
            header: '编号',
            cell: (r) => <a href={`/admin/letters/${r.id}`}>{r.reference}</a>,
            class: 'mono',
          },
          { header: '标题', cell: (r) => r.title },
          { header: '类型', cell: (r) => typeLabel(r.type) + (r.simple ? '（简单咨询）' : '') },
          { header: '信箱', cell: (r) => r.channel_name },
          { header: '承办单位', cell: (r) => r.unit_name ?? '待分办' },
          { header: '状态', cell: (r) => statusLabel(r.status) },
          {
            header: '答复期限',
            cell: (r) => (
              <>
                {r.due_on} <ClockTag state={r.clockState} />
              </>
            ),
          },
          {
            header: '提醒',
            cell: (r) => {
              const last = reminders.get(r.id);
              return last ? `${last.day} 已提醒（${last.kind === 'overdue' ? '超期' : '临期'}）` : '—';
            },
          },
        ]}
      />
    </AdminLayout>
  );
}

type LetterPageData = Awaited<ReturnType<LetterViews['letter']>>;

/** One event form: its fields, or the reasons it cannot run now. */
function EventForm({
  ctx,
  data,
  event,
  label,
  reasons,
  form,
}: {
  ctx: ViewContext;
  data: LetterPageData;
  event: LetterEvent;
  label: string;
  reasons: string[];
  form: FormState;
}) {
  const id = data.row.id;
  const units = data.units.map((u) => ({ value: String(u.id), label: u.name }));
  const blocking = reasons.filter((r) => !/^请/.test(r));
  const fields: Partial<Record<LetterEvent, preact.ComponentChildren>> = {
    route: <SelectField form={form} name="unitId" label="承办单位" placeholder="请选择" options={units} />,
    transfer: (
      <>
        <SelectField form={form} name="unitId" label="转办至" placeholder="请选择" options={units} />
        <TextArea form={form} name="reason" label="转办理由" rows={2} />
      </>
    ),
    hand_back: <TextArea form={form} name="reason" label="退回理由" rows={2} />,
    return_reply: <TextArea form={form} name="reason" label="退回意见" rows={3} />,
    close: (
      <>
        <SelectField
          form={form}
          name="closeReason"
          label="关闭理由"
          placeholder="请选择"
          options={CLOSE_REASONS.map((r) => ({ value: r.code, label: r.label }))}
        />
        <TextField form={form} name="duplicateOf" label="此前来信的编号（重复来信填写）" width="short" />
        <TextArea form={form} name="reason" label="说明" rows={2} />
      </>
    ),
  };
  return (
    <form method="post" action={`/admin/letters/${id}/events/${event}`} class="event-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <h3>{label}</h3>
      {blocking.length ? (
        <ul>
          {blocking.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : (
        <>
          {fields[event] ?? null}
          <Button kind={event === 'close' ? 'warning' : 'primary'}>{label}</Button>
        </>
      )}
    </form>
  );
}

function ReplyEditor({ ctx, data, form }: { ctx: ViewContext; data: LetterPageData; form: FormState }) {
  const submit = data.offered.find((o) => o.event === 'submit_reply');
  const values = { body: form.values.body ?? data.reply?.body ?? '' };
  return (
    <form method="post" action={`/admin/letters/${data.row.id}/reply`} class="event-form" novalidate>
      <CsrfField token={ctx.csrfToken} />
      <h3>{data.round === 2 ? '答复追问' : '起草答复'}</h3>
      {data.reply?.status === 'returned' ? <p>审核退回意见：{data.reply.review_note}</p> : null}
      <TextArea form={{ ...form, values }} name="body" label="答复内容" rows={10} />
      <Button kind="secondary" name="action" value="draft">
        保存草稿
      </Button>{' '}
      {submit?.available ? (
        <Button name="action" value="submit">
          提交审核
        </Button>
      ) : null}
    </form>
  );
}

export function LetterPage({ ctx, data, form }: { ctx: ViewContext; data: LetterPageData; form: FormState }) {
  const { row, writer } = data;
  return (
    <AdminLayout ctx={ctx} title={`来信 ${row.reference}`}>
      <LettersStyles />
      <Breadcrumbs items={[{ href: '/admin/letters', label: '政民互动来信' }, { label: row.reference }]} />
      <h1>
        {row.reference}：{row.title}
      </h1>
      <ErrorSummary problems={form.problems} />
      <SummaryList
        rows={[
          ['状态', statusLabel(row.status)],
          ['信箱', data.channel.name],
          ['类型', typeLabel(row.type) + (row.simple ? '（简单咨询）' : '')],
          ['承办单位', data.unit?.name ?? '待分办'],
          ['收到时间', chinaDateTime(row.received_at)],
          [
            '答复期限',
            <>
              {row.due_on} <ClockTag state={data.clockState} />
            </>,
          ],
          ['来信人', writer ? writer.name || row.writer_masked : row.writer_masked],
          ...(writer
            ? ([
                ['联系电话', writer.phone ?? '未填写'],
                ['电子邮箱', writer.email ?? '未填写'],
              ] as [string, string][])
            : []),
          ['是否同意公开', row.consent_publish ? '同意' : '不同意'],
          ...(row.page_url
            ? ([
                ['出错页面', row.page_url],
                ['错误类型', SITE_ERROR_KINDS.find((k) => k.code === row.error_kind)?.label ?? ''],
              ] as [string, string][])
            : []),
        ]}
      />
      <details>
        <summary>答复期限的计算</summary>
        <ol class="explain">
          {data.due.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ol>
      </details>
      <h2>来信内容</h2>
      <div class="letter-text">{row.body}</div>
      {data.attachments.length ? (
        <ul>
          {data.attachments.map((a) => (
            <li key={a.id}>
              <a href={`/admin/letters/${row.id}/attachments/${a.id}`}>{a.file_name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {row.follow_up ? (
        <>
          <h2>来信人追问</h2>
          <div class="letter-text">{row.follow_up}</div>
        </>
      ) : null}
      {data.replies.length ? <h2>答复</h2> : null}
      {data.replies.map((r) => (
        <section key={r.id}>
          <h3>
            第 {r.round} 轮：{REPLY_STATUS_LABELS[r.status as ReplyStatus]}
            {r.sent_at ? `（${chinaDateTime(r.sent_at)} 发送）` : ''}
          </h3>
          <div class="letter-text">{r.body}</div>
        </section>
      ))}
      {row.rating ? (
        <p>
          来信人评价：
          {row.rating === 'satisfied' ? '满意' : row.rating === 'basically' ? '基本满意' : '不满意'}
        </p>
      ) : null}
      {row.status === 'answered' ? (
        <>
          <h2>公开</h2>
          <p>
            {row.published_at
              ? `已于 ${chinaDateTime(row.published_at)} 在“来信选登”公开（已遮盖个人信息）。`
              : row.consent_publish
                ? '来信人同意公开：审核遮盖个人信息后的内容即可在“来信选登”公开。'
                : '来信人不同意公开，不能公开。'}{' '}
            {row.consent_publish ? (
              <a href={`/admin/letters/${row.id}/publication`}>
                {row.published_at ? '查看或撤下公开内容' : '审核并公开'}
              </a>
            ) : null}
          </p>
        </>
      ) : null}
      <h2>办理</h2>
      {data.mayEditDraft ? <ReplyEditor ctx={ctx} data={data} form={form} /> : null}
      {data.offered
        .filter((o) => o.event !== 'submit_reply')
        .filter((o) => !o.reasons.some((r) => r.startsWith('您没有')))
        .map((o) => (
          <EventForm
            key={o.event}
            ctx={ctx}
            data={data}
            event={o.event}
            label={o.label}
            reasons={o.reasons}
            form={form}
          />
        ))}
      <h2>办理记录</h2>
      <ol>
        {data.events.map((e) => (
          <li key={e.id}>
            {chinaDateTime(e.at)} {EVENT_LABELS[e.kind as LetterEventKind] ?? e.kind}
            {e.to_unit ? ` → ${e.to_unit}` : ''}
            {e.note ? `：${e.note}` : ''}
          </li>
        ))}
      </ol>
    </AdminLayout>
  );
}
