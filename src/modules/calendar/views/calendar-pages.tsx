/** Back-office pages of the working-day calendar (系统管理员). */

import { emptyForm, type FormState, type ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { AddWorkingDaysExplanation, YearCalendar } from '../../../lib/calendar/index.ts';

const SOURCE_LABEL = { seed: '内置数据（chinese-days）', admin: '管理员录入' } as const;

export function CalendarIndexPage({
  ctx,
  years,
  calc,
}: {
  ctx: ViewContext;
  years: { year: number; source: 'seed' | 'admin' }[];
  calc?: { form: FormState; result?: AddWorkingDaysExplanation };
}) {
  const thisYear = new Date().getFullYear();
  const missingNext = !years.some((y) => y.year === thisYear + 1);
  return (
    <AdminLayout ctx={ctx} title="工作日历">
      <h1>工作日历</h1>
      <p>
        依申请公开答复期限、主动公开时限等按法定工作日计算：跳过法定节假日，计入调休上班的周末。管理员录入的安排优先于内置数据。
      </p>
      {missingNext ? (
        <Notice kind="warning">
          尚无 {thisYear + 1} 年的节假日安排，届时将按周一至周五计算。国务院办公厅公布安排后，请
          <a href={`/admin/calendar/${thisYear + 1}`}>录入 {thisYear + 1} 年安排</a>。
        </Notice>
      ) : null}
      <h2>已有安排的年份</h2>
      <ul class="calendar-days">
        {years.map((y) => (
          <li key={y.year}>
            <a href={`/admin/calendar/${y.year}`}>{y.year} 年</a>（{SOURCE_LABEL[y.source]}）
          </li>
        ))}
      </ul>
      <form method="get" action="/admin/calendar/go" class="filters">
        <TextField name="year" label="查看或录入其他年份" width="short" inputmode="numeric" />
        <Button kind="secondary">前往</Button>
      </form>
      <CalcSection calc={calc} />
    </AdminLayout>
  );
}

const KIND_LABEL = {
  working: '工作日',
  weekend: '周末',
  holiday: '节假日',
  'makeup-working': '调休上班',
} as const;

function CalcSection({ calc }: { calc?: { form: FormState; result?: AddWorkingDaysExplanation } }) {
  const form = calc?.form ?? emptyForm();
  const r = calc?.result;
  return (
    <>
      <h2 id="calc">工作日计算</h2>
      <ErrorSummary problems={form.problems} />
      <form method="get" action="/admin/calendar#calc" class="filters">
        <TextField form={form} name="date" label="起算日（当日不计入）" type="date" width="short" />
        <TextField form={form} name="n" label="工作日数" width="short" inputmode="numeric" />
        <Button kind="secondary">计算</Button>
      </form>
      {r ? (
        <div>
          <p class="lead">
            第 {String(form.values.n)} 个工作日是 <strong>{r.result}</strong>。
          </p>
          {r.missingYears.length ? (
            <Notice kind="warning">
              {r.missingYears.join('、')} 年缺少节假日安排，已按周一至周五计算，结果可能不准确。
            </Notice>
          ) : null}
          <p>
            跳过的节假日：{r.skippedHolidays.join('、') || '无'}；计入的调休上班日：
            {r.makeupDays.join('、') || '无'}。
          </p>
          <details>
            <summary>逐日计算过程</summary>
            <ol>
              {r.steps.map((s) => (
                <li key={s.date}>
                  {s.date} {KIND_LABEL[s.kind]}
                  {s.counted ? `，第 ${s.counted} 个工作日` : '，不计入'}
                </li>
              ))}
            </ol>
          </details>
        </div>
      ) : null}
    </>
  );
}

export function CalendarYearPage({
  ctx,
  year,
  data,
  form,
  saved,
}: {
  ctx: ViewContext;
  year: number;
  data: YearCalendar | null;
  form?: FormState;
  saved?: boolean;
}) {
  const values = form?.values ?? {
    holidays: data ? [...data.holidays].sort().join('\n') : '',
    workdays: data ? [...data.workdays].sort().join('\n') : '',
  };
  const f: FormState = { values: { ...values, year }, problems: form?.problems ?? [] };
  return (
    <AdminLayout ctx={ctx} title={`${year} 年工作日历`}>
      <Breadcrumbs items={[{ href: '/admin/calendar', label: '工作日历' }, { label: `${year} 年` }]} />
      <h1>{year} 年节假日安排</h1>
      {saved ? <Notice>{year} 年安排已保存，立即生效。</Notice> : null}
      {data ? (
        <p>当前来源：{SOURCE_LABEL[data.source]}。</p>
      ) : (
        <Notice kind="warning">{year} 年尚无安排，目前按周一至周五计算。</Notice>
      )}
      <ErrorSummary problems={f.problems} />
      <form method="post" action={`/admin/calendar/${year}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="year" value={String(year)} />
        <TextArea
          form={f}
          name="holidays"
          label="放假日期"
          rows={10}
          hint="每行一个日期或一个区间，例如 2027-02-05~2027-02-11。周末日期会被自动忽略（本来就休息）。"
        />
        <TextArea
          form={f}
          name="workdays"
          label="调休上班日期"
          rows={4}
          hint="需要上班的周六或周日，每行一个，例如 2027-02-14"
        />
        <TextField form={f} name="note" label="依据" hint="例如：国办发明电〔2026〕X号" />
        <Button>保存 {year} 年安排</Button>
      </form>
    </AdminLayout>
  );
}
