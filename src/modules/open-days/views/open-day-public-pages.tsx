/** Public pages of 主题日 / 开放日: the list, one event with its registration form, the 活动计划表. */
import { RadioGroup } from '../../../http/kit/radio-group.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SummaryList,
  TextField,
} from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../lib/form-abuse.ts';
import {
  OPEN_DAY_STATE_LABELS,
  OPEN_DAY_TYPE_LABELS,
  type OpenDayState,
  type OpenDayType,
} from '../open-day.model.ts';
import type { OpenDayRow } from '../open-day.repository.ts';
import type { PublicOpenDay } from '../open-day-public.ts';

const typeOf = (r: OpenDayRow) => OPEN_DAY_TYPE_LABELS[r.type as OpenDayType];
const stateOf = (r: OpenDayRow) => OPEN_DAY_STATE_LABELS[r.status as OpenDayState];
const crumbs = (last: string, mid?: { href: string; label: string }) => [
  { href: '/', label: '首页' },
  { href: '/interaction', label: '互动交流' },
  ...(mid ? [mid] : []),
  { label: last },
];

function EventList({ rows, empty }: { rows: OpenDayRow[]; empty: string }) {
  if (!rows.length) return <p>{empty}</p>;
  return (
    <ul class="item-list">
      {rows.map((r) => (
        <li key={r.id}>
          <a href={`/open-days/${r.id}`}>{r.theme}</a>{' '}
          <span class="meta">
            {r.event_date} · {typeOf(r)} · {stateOf(r)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function OpenDaysHomePage(p: {
  ctx: ViewContext;
  upcoming: OpenDayRow[];
  past: OpenDayRow[];
  year: number;
}) {
  return (
    <PublicLayout ctx={p.ctx} title="政务公开主题日 · 政府开放日">
      <Breadcrumbs items={crumbs('政务公开主题日')} />
      <h1>政务公开主题日 · 政府开放日</h1>
      <p>
        <a href={`/open-days/plan?year=${p.year}`}>{p.year}年活动计划表</a>
      </p>
      <h2>即将举办</h2>
      <EventList rows={p.upcoming} empty="暂无即将举办的活动" />
      <h2>往期活动</h2>
      <EventList rows={p.past} empty="暂无往期活动" />
    </PublicLayout>
  );
}

function RegistrationForm({ ctx, v, form }: { ctx: ViewContext; v: PublicOpenDay; form: FormState }) {
  return (
    <form method="post" action={`/open-days/${v.row.id}/register`} novalidate>
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name={FORM_TOKEN_FIELD} value={String(form.values[FORM_TOKEN_FIELD] ?? '')} />
      <div hidden>
        <label for="f-website">请勿填写此项</label>
        <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
      <TextField form={form} name="name" label="姓名" required autocomplete="name" width="short" />
      <TextField
        form={form}
        name="phone"
        label="联系电话"
        required
        type="tel"
        autocomplete="tel"
        inputmode="tel"
        width="short"
        hint="11 位手机号码或带区号的固定电话；同一电话只能报名一次"
      />
      <RadioGroup
        form={form}
        name="group"
        legend="参加身份"
        options={v.groups.map((g) => ({ value: g, label: g }))}
      />
      <TextField form={form} name="note" label="备注（选填）" hint="例如需要无障碍协助" />
      <p class="hint">您的姓名和电话仅用于本次活动的组织联系，加密保存，不会公开。</p>
      <Button>提交报名</Button>
    </form>
  );
}

export function OpenDayPage(p: { ctx: ViewContext; v: PublicOpenDay; form: FormState; registered: boolean }) {
  const { row } = p.v;
  return (
    <PublicLayout ctx={p.ctx} title={p.form.problems.length ? `错误：${row.theme}` : row.theme}>
      <Breadcrumbs items={crumbs(row.theme, { href: '/open-days', label: '政务公开主题日' })} />
      <ErrorSummary problems={p.form.problems} />
      <h1>{row.theme}</h1>
      {p.registered ? <Notice>报名成功。请按时参加活动，届时凭姓名和电话签到。</Notice> : null}
      <SummaryList
        rows={[
          ['活动类型', typeOf(row)],
          ['状态', stateOf(row)],
          ['活动时间', `${row.event_date} ${row.start_time}${row.end_time ? `—${row.end_time}` : ''}`],
          ['活动地点', row.place],
          ['邀请对象', p.v.groups.join('、')],
          ['活动内容', p.v.activities.join('、')],
          ['报名时间', `${row.registration_opens_on} 至 ${row.registration_closes_on}`],
          ['名额', `共 ${row.capacity} 名，已报名 ${row.registered} 名，剩余 ${p.v.placesLeft} 名`],
        ]}
      />
      {row.description ? row.description.split(/\r?\n/).map((l, i) => <p key={i}>{l}</p>) : null}
      {row.survey_id !== null && row.status !== 'planned' ? (
        <p>
          <a href={`/surveys/${row.survey_id}`}>填写活动后问卷</a>
        </p>
      ) : null}
      {p.v.recordDocumentId !== null ? (
        <p>
          <a href={`/documents/${p.v.recordDocumentId}`}>查看活动记录</a>
        </p>
      ) : null}
      <h2>在线报名</h2>
      {p.v.closed ? <p>{p.v.closed}。</p> : <RegistrationForm ctx={p.ctx} v={p.v} form={p.form} />}
    </PublicLayout>
  );
}

export function PlanPage(p: { ctx: ViewContext; year: number; rows: OpenDayRow[] }) {
  const title = `${p.year}年活动计划表`;
  return (
    <PublicLayout ctx={p.ctx} title={title}>
      <Breadcrumbs items={crumbs(title, { href: '/open-days', label: '政务公开主题日' })} />
      <h1>{p.year}年政务公开主题日（政府开放日）活动计划表</h1>
      <p>
        <a href={`/open-days/plan.xlsx?year=${p.year}`}>下载 Excel 表格</a> ·{' '}
        <a href={`/open-days/plan?year=${p.year - 1}`}>{p.year - 1}年</a> ·{' '}
        <a href={`/open-days/plan?year=${p.year + 1}`}>{p.year + 1}年</a>
      </p>
      {p.rows.length ? (
        <table>
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">活动日期</th>
              <th scope="col">活动类型</th>
              <th scope="col">活动主题</th>
              <th scope="col">活动地点</th>
              <th scope="col">邀请对象</th>
              <th scope="col">活动内容</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.event_date}</td>
                <td>{typeOf(r)}</td>
                <td>
                  <a href={`/open-days/${r.id}`}>{r.theme}</a>
                </td>
                <td>{r.place}</td>
                <td>{(JSON.parse(r.invited_groups) as string[]).join('、')}</td>
                <td>{(JSON.parse(r.activities) as string[]).join('、')}</td>
                <td>{stateOf(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>本年度暂无活动计划。</p>
      )}
    </PublicLayout>
  );
}
