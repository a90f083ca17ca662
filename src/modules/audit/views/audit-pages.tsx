/** The audit log screen of the 安全审计员. */
import type { AuditEvent } from '../../../db/schema.ts';
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import { hrefWith, Pager } from '../../../http/kit/pager.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextField,
} from '../../../http/views/components.tsx';
import { formatTime } from '../../../http/views/format.ts';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { ChainBreak } from '../../../lib/audit/audit-chain.ts';
import { AUDIT_PAGE_SIZE, type AuditQuery } from '../audit.service.ts';

export function describeBreak(b: ChainBreak): string {
  if (b.reason === 'gap') return `第 ${b.id} 条记录之前缺少第 ${b.expectedId} 条记录（记录被删除）`;
  if (b.reason === 'head_mismatch') return `最后一条记录（第 ${b.id} 条）之后的记录被删除或链头被改动`;
  return `第 ${b.id} 条记录被篡改（${b.reason === 'hash_mismatch' ? '内容与哈希不符' : '与上一条记录的链接不符'}）`;
}

const AUDIT_COLUMNS: TableColumn<AuditEvent>[] = [
  { header: '时间', cell: (e) => formatTime(e.occurred_at) },
  { header: '操作人', cell: (e) => e.actor_name },
  { header: '操作', cell: (e) => e.action, class: 'mono' },
  { header: '摘要', cell: (e) => e.summary },
  { header: 'IP 地址', cell: (e) => e.ip, class: 'mono' },
];

interface Props {
  ctx: ViewContext;
  q: AuditQuery;
  total: number;
  events: AuditEvent[];
  actions: string[];
  form?: FormState;
  verifyResult?: ChainBreak | null | 'ok';
}

export function AuditPage({ ctx, q, total, events, actions, form, verifyResult }: Props) {
  const values = { from: q.from, to: q.to, action: q.action, actor: q.actor, ...(form?.values ?? {}) };
  const f: FormState = { values, problems: form?.problems ?? [] };
  const filters = { from: q.from, to: q.to, action: q.action, actor: q.actor };
  const qs = hrefWith('', filters).slice(1);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return (
    <AdminLayout ctx={ctx} title="审计日志">
      <h1>审计日志</h1>
      <p>
        审计记录只能追加，不能修改或删除；每条记录包含上一条的哈希，任何篡改都会被校验发现。记录保存不少于 180
        天（《网络安全法》第二十一条）。
      </p>
      {verifyResult === 'ok' ? <Notice>完整性校验通过：审计日志未被篡改。</Notice> : null}
      {verifyResult && verifyResult !== 'ok' ? (
        <Notice kind="warning">完整性校验未通过：{describeBreak(verifyResult)}</Notice>
      ) : null}
      <ErrorSummary problems={f.problems} />
      <form method="get" action="/admin/audit" class="filters">
        <TextField form={f} name="from" label="开始日期" type="date" width="short" />
        <TextField form={f} name="to" label="结束日期" type="date" width="short" />
        <SelectField
          form={f}
          name="action"
          label="操作类型"
          placeholder="全部"
          options={actions.map((a) => ({ value: a, label: a }))}
        />
        <TextField form={f} name="actor" label="操作人" width="short" />
        <Button kind="secondary">筛选</Button>
      </form>
      <div class="actions">
        <a href={`/admin/audit/export.csv${qs ? `?${qs}` : ''}`} download>
          导出 CSV
        </a>
        <a href={`/admin/audit/export.xlsx${qs ? `?${qs}` : ''}`} download>
          导出 Excel
        </a>
        <form method="post" action="/admin/audit/verify" class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <Button kind="secondary">校验完整性</Button>
        </form>
      </div>
      <DataTable
        caption={`共 ${total} 条，第 ${q.page} / ${pages} 页`}
        columns={AUDIT_COLUMNS}
        rows={events}
        rowKey={(e) => e.id}
      />
      <Pager
        base="/admin/audit"
        params={filters}
        page={q.page}
        pages={pages}
        numbers={false}
        status={false}
      />
    </AdminLayout>
  );
}
