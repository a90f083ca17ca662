/** Back-office pages of 主题日 / 开放日: list, plan form, one event (registrations, record), sign-in list. */
import { RadioGroup } from '../../../http/kit/radio-group.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  FileField,
  Notice,
  SelectField,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  ACTIVITIES,
  INVITED_GROUPS,
  OFFERED_EVENTS,
  OPEN_DAY_EVENTS,
  OPEN_DAY_STATE_LABELS,
  OPEN_DAY_TYPE_LABELS,
  OPEN_DAY_TYPES,
  type OpenDayState,
  type OpenDayType,
} from '../open-day.model.ts';
import type { OpenDayRow } from '../open-day.repository.ts';
import type { RegistrationView } from '../open-day.service.ts';

const stateOf = (r: OpenDayRow) => OPEN_DAY_STATE_LABELS[r.status as OpenDayState];
const typeOf = (r: OpenDayRow) => OPEN_DAY_TYPE_LABELS[r.type as OpenDayType];

export function OpenDayListPage(p: { ctx: ViewContext; rows: OpenDayRow[]; unitNames: Map<number, string> }) {
  return (
    <AdminLayout ctx={p.ctx} title="主题日与开放日">
      <h1>政务公开主题日与政府开放日</h1>
      <p>
        <a class="button button-primary" href="/admin/open-days/new">
          新建活动
        </a>
      </p>
      {p.rows.length ? (
        <table>
          <caption class="visually-hidden">活动列表</caption>
          <thead>
            <tr>
              <th scope="col">活动主题</th>
              <th scope="col">类型</th>
              <th scope="col">单位</th>
              <th scope="col">日期</th>
              <th scope="col">报名</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/admin/open-days/${r.id}`}>{r.theme}</a>
                </td>
                <td>{typeOf(r)}</td>
                <td>{p.unitNames.get(r.unit_id) ?? ''}</td>
                <td>{r.event_date}</td>
                <td>
                  {r.registered} / {r.capacity}
                </td>
                <td>{stateOf(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>还没有活动。</p>
      )}
    </AdminLayout>
  );
}

export function OpenDayFormPage(p: {
  ctx: ViewContext;
  form: FormState;
  action: string;
  title: string;
  units: { id: number; name: string }[];
}) {
  const { form } = p;
  return (
    <AdminLayout ctx={p.ctx} title={form.problems.length ? `错误：${p.title}` : p.title}>
      <Breadcrumbs items={[{ href: '/admin/open-days', label: '主题日与开放日' }, { label: p.title }]} />
      <ErrorSummary problems={form.problems} />
      <h1>{p.title}</h1>
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        {p.units.length > 1 ? (
          <SelectField
            form={form}
            name="unitId"
            label="主办单位"
            options={p.units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
        ) : null}
        <TextField form={form} name="theme" label="活动主题" required />
        <RadioGroup
          form={form}
          name="type"
          legend="活动类型"
          inline
          options={OPEN_DAY_TYPES.map((t) => ({ value: t, label: OPEN_DAY_TYPE_LABELS[t] }))}
        />
        <TextField form={form} name="eventDate" label="活动日期" required type="date" width="short" />
        <TextField
          form={form}
          name="startTime"
          label="开始时间"
          required
          type="time"
          width="short"
          hint="例如 09:30"
        />
        <TextField form={form} name="endTime" label="结束时间" type="time" width="short" />
        <TextField form={form} name="place" label="活动地点" required />
        <CheckboxGroup
          form={form}
          name="invitedGroups"
          legend="邀请对象"
          hint="可多选；其他对象可在下一栏填写，用顿号分隔"
          options={INVITED_GROUPS.map((g) => ({ value: g, label: g }))}
        />
        <TextField form={form} name="invitedGroupsOther" label="其他邀请对象" />
        <CheckboxGroup
          form={form}
          name="activities"
          legend="活动内容"
          hint="可多选；其他活动可在下一栏填写，用顿号分隔"
          options={ACTIVITIES.map((a) => ({ value: a, label: a }))}
        />
        <TextField form={form} name="activitiesOther" label="其他活动内容" />
        <TextArea form={form} name="description" label="活动说明" rows={4} />
        <TextField form={form} name="capacity" label="名额" required inputmode="numeric" width="short" />
        <TextField
          form={form}
          name="registrationOpensOn"
          label="报名开始日期"
          required
          type="date"
          width="short"
        />
        <TextField
          form={form}
          name="registrationClosesOn"
          label="报名截止日期"
          required
          type="date"
          width="short"
        />
        <TextField
          form={form}
          name="surveyId"
          label="活动后问卷（在线调查编号）"
          width="short"
          hint="选填；活动后在公开页面链接到该在线调查"
        />
        <Button>保存</Button> <a href="/admin/open-days">返回列表</a>
      </form>
    </AdminLayout>
  );
}

function Registrations({ rows, clear }: { rows: RegistrationView[]; clear: boolean }) {
  if (!rows.length) return <p>还没有报名。</p>;
  return (
    <>
      {clear ? null : <p class="hint">姓名和电话已脱敏显示；完整信息仅政务公开管理员可见。</p>}
      <table>
        <caption class="visually-hidden">报名名单</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">姓名</th>
            <th scope="col">联系电话</th>
            <th scope="col">参加身份</th>
            <th scope="col">备注</th>
            <th scope="col">签到</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{r.name}</td>
              <td>{r.phone}</td>
              <td>{r.group}</td>
              <td>{r.note ?? ''}</td>
              <td>{r.attended ? '已签到' : '未签到'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function OpenDayAdminPage(p: {
  ctx: ViewContext;
  row: OpenDayRow;
  unitName: string;
  registrations: { rows: RegistrationView[]; clear: boolean };
  images: { id: number; file_name: string }[];
  form: FormState;
  notice?: string | undefined;
}) {
  const { ctx, row } = p;
  const state = row.status as OpenDayState;
  const events = OFFERED_EVENTS.filter((e) => (OPEN_DAY_EVENTS[e].from as readonly string[]).includes(state));
  const editable = state === 'draft' || state === 'planned';
  const base = `/admin/open-days/${row.id}`;
  return (
    <AdminLayout ctx={ctx} title={p.form.problems.length ? `错误：${row.theme}` : row.theme}>
      <Breadcrumbs items={[{ href: '/admin/open-days', label: '主题日与开放日' }, { label: row.theme }]} />
      <ErrorSummary problems={p.form.problems} />
      <h1>{row.theme}</h1>
      {p.notice ? <Notice>{p.notice}</Notice> : null}
      <SummaryList
        rows={[
          ['状态', stateOf(row)],
          ['活动类型', typeOf(row)],
          ['主办单位', p.unitName],
          ['活动时间', `${row.event_date} ${row.start_time}${row.end_time ? `—${row.end_time}` : ''}`],
          ['活动地点', row.place],
          ['邀请对象', (JSON.parse(row.invited_groups) as string[]).join('、')],
          ['活动内容', (JSON.parse(row.activities) as string[]).join('、')],
          [
            '报名',
            `${row.registration_opens_on} 至 ${row.registration_closes_on}，已报名 ${row.registered} / ${row.capacity}`,
          ],
          [
            '活动后问卷',
            row.survey_id !== null ? (
              <a href={`/surveys/${row.survey_id}`}>在线调查 {row.survey_id}</a>
            ) : null,
          ],
          [
            '活动记录文件',
            row.document_id ? (
              <a href={`/admin/documents/${row.document_id}`}>信息编号 {row.document_id}</a>
            ) : null,
          ],
        ]}
      />
      <div class="actions">
        {editable ? <a href={`${base}/edit`}>修改计划</a> : null}{' '}
        {events.map((e) => (
          <ActionForm
            key={e}
            action={e === 'submit_record' ? `${base}/record/submit` : `${base}/events/${e}`}
            csrf={ctx.csrfToken}
            label={OPEN_DAY_EVENTS[e].label}
            kind={e === 'cancel' ? 'warning' : 'secondary'}
          />
        ))}{' '}
        {state !== 'draft' ? <a href={`/open-days/${row.id}`}>查看公开页面</a> : null}
      </div>
      <h2>报名名单</h2>
      {state === 'planned' || state === 'held' ? (
        <p>
          <a href={`${base}/sign-in`}>签到表（可打印）</a>
        </p>
      ) : null}
      <Registrations {...p.registrations} />
      <h2>活动记录</h2>
      {row.record_text ? <p class="pre-line">{row.record_text}</p> : <p>尚未填写活动记录。</p>}
      {p.images.length ? (
        <ul>
          {p.images.map((m) => (
            <li key={m.id}>
              <a href={`/open-days/${row.id}/images/${m.id}`}>{m.file_name}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {state === 'held' ? (
        <form method="post" action={`${base}/record`} enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextArea
            form={p.form}
            name="recordText"
            label="活动记录"
            required
            rows={8}
            hint="活动开展情况、参加人员、意见建议及回应等"
          />
          <FileField
            form={p.form}
            name="images"
            label="活动图片（选填）"
            multiple
            hint="JPG 或 PNG，每张不超过 2 MB，最多 9 张"
            accept=".jpg,.jpeg,.png"
          />
          <Button>保存活动记录</Button>
        </form>
      ) : null}
    </AdminLayout>
  );
}

/** The printable sign-in list: every registration with a tick box; saving records who came. */
export function SignInPage(p: { ctx: ViewContext; row: OpenDayRow; rows: RegistrationView[] }) {
  const { row } = p;
  return (
    <AdminLayout ctx={p.ctx} title={`签到表：${row.theme}`}>
      <Breadcrumbs
        items={[
          { href: '/admin/open-days', label: '主题日与开放日' },
          { href: `/admin/open-days/${row.id}`, label: row.theme },
          { label: '签到表' },
        ]}
      />
      <h1>签到表：{row.theme}</h1>
      <p>
        {row.event_date} {row.start_time} · {row.place} · 报名 {p.rows.length} 人
      </p>
      <form method="post" action={`/admin/open-days/${row.id}/sign-in`}>
        <CsrfField token={p.ctx.csrfToken} />
        <table class="sign-in">
          <caption class="visually-hidden">签到表</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">姓名</th>
              <th scope="col">联系电话</th>
              <th scope="col">参加身份</th>
              <th scope="col">已到</th>
              <th scope="col">本人签名</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r, i) => (
              <tr key={r.id}>
                <td>{i + 1}</td>
                <td>{r.name}</td>
                <td>{r.phone}</td>
                <td>{r.group}</td>
                <td>
                  <input
                    type="checkbox"
                    id={`att-${r.id}`}
                    name="attended"
                    value={String(r.id)}
                    checked={r.attended}
                  />
                  <label for={`att-${r.id}`} class="visually-hidden">
                    第 {i + 1} 位已到
                  </label>
                </td>
                <td />
              </tr>
            ))}
          </tbody>
        </table>
        <Button>保存签到</Button>
      </form>
    </AdminLayout>
  );
}
