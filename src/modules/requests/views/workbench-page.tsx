/** Back office: the 依申请公开 workbench (filters, counts per state, cases by due date) and intake. */
import type { Unit } from '../../../db/schema.ts';
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { CHANNEL_INFO, CHANNELS } from '../info-request.model.ts';
import type { CaseListItem } from '../info-request.service.ts';
import { STATE_LABELS, STATES } from '../info-request.workflow.ts';
import { ApplicationFields } from './apply-form.tsx';
import { ClockTag, RequestsStyles } from './request-ui.tsx';

const DUE_WINDOWS: Record<string, string> = {
  overdue: '已超期',
  due_soon: '临期（3 个工作日内）',
  week: '7 日内到期',
};

function caseColumns(unitName: ReadonlyMap<number, string>): TableColumn<CaseListItem>[] {
  return [
    { header: '受理编号', cell: (i) => <a href={`/admin/requests/${i.id}`}>{i.reference}</a> },
    { header: '单位', cell: (i) => unitName.get(i.unitId) ?? '' },
    { header: '申请人', cell: (i) => i.applicantName },
    { header: '渠道', cell: (i) => CHANNEL_INFO[i.channel].label },
    { header: '状态', cell: (i) => i.stateLabel },
    { header: '答复期限', cell: (i) => i.dueDate ?? '—' },
    { header: '期限状态', cell: (i) => <ClockTag status={i.clockStatus} /> },
  ];
}

export function WorkbenchPage({
  ctx,
  items,
  counts,
  units,
  filter,
}: {
  ctx: ViewContext;
  items: CaseListItem[];
  counts: Record<string, number>;
  units: Unit[];
  filter: Record<string, string>;
}) {
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const form = { values: filter, problems: [] };
  return (
    <AdminLayout ctx={ctx} title="依申请公开">
      <RequestsStyles />
      <h1>依申请公开</h1>
      <div class="actions">
        <a href="/admin/requests/new">登记申请（当面、邮寄、传真、电子邮件）</a>
        <a href="/admin/requests/stats">年度报表统计</a>
        <a href="/admin/requests/templates">文书模板</a>
        <a href="/admin/requests/settings">申请指南设置</a>
      </div>
      <h2>各状态件数</h2>
      <ul class="counts">
        {STATES.map((s) => (
          <li key={s}>
            <a href={`/admin/requests?state=${s}`}>
              {STATE_LABELS[s]}：{counts[s] ?? 0}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action="/admin/requests" class="filters">
        <SelectField
          form={form}
          name="state"
          label="状态"
          placeholder="全部"
          options={STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        />
        <SelectField
          form={form}
          name="unit"
          label="单位"
          placeholder="全部"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <SelectField
          form={form}
          name="due"
          label="期限"
          placeholder="全部"
          options={Object.entries(DUE_WINDOWS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          form={form}
          name="channel"
          label="渠道"
          placeholder="全部"
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_INFO[c].label }))}
        />
        <Button kind="secondary">筛选</Button>
      </form>
      <p>共 {items.length} 件，按答复期限排序（最早到期的在前）。</p>
      <DataTable
        caption="申请列表"
        captionHidden
        columns={caseColumns(unitName)}
        rows={items}
        rowKey={(i) => i.id}
      />
    </AdminLayout>
  );
}

export function IntakePage({ ctx, units, form }: { ctx: ViewContext; units: Unit[]; form: FormState }) {
  return (
    <AdminLayout ctx={ctx} title="登记申请">
      <RequestsStyles />
      <Breadcrumbs items={[{ href: '/admin/requests', label: '依申请公开' }, { label: '登记申请' }]} />
      <h1>登记申请</h1>
      <Notice kind="info">
        收到申请之日（条例第三十一条）：当面提交的为提交之日；邮寄（需签收）的为签收之日；平常信函的为与申请人确认之日；传真、电子邮件的为双方确认之日。网上提交的申请在工作台中确认收到。
      </Notice>
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/admin/requests/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={String(form.values.idempotencyKey ?? '')} />
        <SelectField
          form={form}
          name="unitId"
          label="受理单位"
          required
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <SelectField
          form={form}
          name="channel"
          label="申请渠道"
          required
          placeholder="请选择"
          options={CHANNELS.filter((c) => c !== 'online').map((c) => ({
            value: c,
            label: `${CHANNEL_INFO[c].label}（以${CHANNEL_INFO[c].receiptDateLabel}为收到申请之日，${CHANNEL_INFO[c].basis}）`,
          }))}
        />
        <TextField
          form={form}
          name="receivedOn"
          label="收到申请之日"
          width="short"
          required
          hint="按所选渠道的规则填写，格式 YYYY-MM-DD"
        />
        <ApplicationFields form={form} />
        <Button>登记</Button>
      </form>
    </AdminLayout>
  );
}
