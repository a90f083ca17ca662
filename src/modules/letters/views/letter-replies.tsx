/**
 * The public 来信选登 pages: /letters/replies (published letters and replies, newest first, by box and unit,
 * paged) and /letters/replies/:id (the masked letter, the reply, the unit, the dates, the rating). Texts are
 * plain text rendered escaped (markup is never rendered); paragraphs come from line breaks.
 */
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import { hrefWith, Pager } from '../../../http/kit/pager.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, SummaryList } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { todayInShanghai } from '../../../lib/calendar/index.ts';
import { LETTER_TYPE_LABELS, type LetterType, RATINGS } from '../letter.model.ts';

export const REPLIES_PATH = '/letters/replies';
export const STATS_PATH = '/letters/stats';

export interface ReplyListRow {
  id: number;
  reference: string;
  type: string;
  public_title: string | null;
  received_on: string;
  answered_on: string | null;
  published_at: string | null;
  channel_name: string;
  unit_name: string | null;
}

export interface ReplyListProps {
  ctx: ViewContext;
  rows: readonly ReplyListRow[];
  total: number;
  page: number;
  pageSize: number;
  facets: { channels: { id: number; name: string }[]; units: { id: number; name: string }[] };
  filter: { box: number | null; unit: number | null };
}

const typeLabel = (t: string) => LETTER_TYPE_LABELS[t as LetterType] ?? t;
const ratingLabel = (r: string | null) => RATINGS.find((x) => x.code === r)?.label ?? null;
const day = (ts: string | null) => (ts ? todayInShanghai(new Date(ts)) : '—');

/** Plain text as paragraphs (escaped by preact; no markup is ever rendered). */
export function Paragraphs({ text }: { text: string | null }) {
  const parts = (text ?? '').split(/\n+/).filter((p) => p.trim() !== '');
  return (
    <div class="letter-text">
      {parts.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

function InteractionCrumbs({ here }: { here: string }) {
  return (
    <Breadcrumbs
      items={[{ href: '/', label: '首页' }, { href: '/interaction', label: '互动交流' }, { label: here }]}
    />
  );
}

const COLUMNS: TableColumn<ReplyListRow>[] = [
  {
    header: '标题',
    cell: (r) => <a href={`${REPLIES_PATH}/${r.id}`}>{r.public_title ?? r.reference}</a>,
  },
  { header: '类型', cell: (r) => typeLabel(r.type) },
  { header: '信箱', cell: (r) => r.channel_name },
  { header: '答复单位', cell: (r) => r.unit_name ?? '—' },
  { header: '来信日期', cell: (r) => r.received_on },
  { header: '答复日期', cell: (r) => r.answered_on ?? '—' },
];

export function ReplyListPage(p: ReplyListProps) {
  const params = { box: p.filter.box ?? undefined, unit: p.filter.unit ?? undefined };
  return (
    <PublicLayout ctx={p.ctx} title="来信选登">
      <InteractionCrumbs here="来信选登" />
      <h1>来信选登</h1>
      <p>
        以下是来信人同意公开、经审核后公开的来信及答复，来信人的姓名、联系方式等个人信息已作遮盖处理。
        <a href={STATS_PATH}>查看信箱办理情况统计</a>
      </p>
      <search>
        <form method="get" action={REPLIES_PATH} class="filters">
          <div class="field">
            <label for="f-box">信箱</label>
            <select class="select" id="f-box" name="box">
              <option value="">全部信箱</option>
              {p.facets.channels.map((c) => (
                <option key={c.id} value={String(c.id)} selected={p.filter.box === c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-unit">答复单位</label>
            <select class="select" id="f-unit" name="unit">
              <option value="">全部单位</option>
              {p.facets.units.map((u) => (
                <option key={u.id} value={String(u.id)} selected={p.filter.unit === u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button-secondary">
            筛选
          </button>
        </form>
      </search>
      <p role="status">共 {p.total} 件</p>
      <DataTable
        caption="公开的来信及答复（按公开时间从新到旧）"
        captionHidden
        columns={COLUMNS}
        rows={p.rows}
        rowKey={(r) => r.id}
        empty={<p>暂无公开的来信。</p>}
      />
      <Pager base={REPLIES_PATH} params={params} page={p.page} total={p.total} pageSize={p.pageSize} />
    </PublicLayout>
  );
}

export interface ReplyDetail {
  id: number;
  reference: string;
  type: string;
  writer_masked: string;
  public_title: string | null;
  public_body: string | null;
  public_reply: string | null;
  received_on: string;
  answered_on: string | null;
  published_at: string | null;
  rating: string | null;
  channel_name: string;
  unit_name: string | null;
}

export function ReplyDetailPage({ ctx, letter: l }: { ctx: ViewContext; letter: ReplyDetail }) {
  const title = l.public_title ?? l.reference;
  return (
    <PublicLayout ctx={ctx} title={title}>
      <Breadcrumbs
        items={[
          { href: '/', label: '首页' },
          { href: '/interaction', label: '互动交流' },
          { href: REPLIES_PATH, label: '来信选登' },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <SummaryList
        rows={[
          ['编号', l.reference],
          ['信箱', l.channel_name],
          ['类型', typeLabel(l.type)],
          ['来信人', l.writer_masked],
          ['来信日期', l.received_on],
          ['答复单位', l.unit_name ?? '—'],
          ['答复日期', l.answered_on ?? '—'],
          ['公开日期', day(l.published_at)],
          ['来信人评价', ratingLabel(l.rating) ?? '未评价'],
        ]}
      />
      <section aria-labelledby="letter-body">
        <h2 id="letter-body">来信内容</h2>
        <Paragraphs text={l.public_body} />
      </section>
      <section aria-labelledby="letter-reply">
        <h2 id="letter-reply">答复内容</h2>
        <Paragraphs text={l.public_reply} />
      </section>
      <p>
        <a href={hrefWith(REPLIES_PATH, {})}>返回来信选登</a>
      </p>
    </PublicLayout>
  );
}
