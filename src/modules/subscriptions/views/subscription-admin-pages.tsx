/** The 政务公开办's page of 政策找人: counts, runs, mails and failures (addresses masked), and the settings. */
import { DataTable } from '../../../http/kit/data-table.tsx';
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice, SummaryList } from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { SUBSCRIPTION_STATE_LABELS, SUBSCRIPTION_STATES } from '../subscription.model.ts';
import type { SubscriptionStats } from '../subscription-admin.ts';
import { SUBSCRIPTION_SETTINGS } from '../subscription-settings.ts';

const MAIL_STATUS_LABELS: Record<string, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
};

function CountTable({ caption, rows }: { caption: string; rows: [string, number][] }) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { header: '选择', cell: (r: [string, number]) => r[0] },
        { header: '订阅数', numeric: true, cell: (r: [string, number]) => r[1] },
      ]}
      rows={rows}
      empty={<p>暂无订阅。</p>}
    />
  );
}

export function SubscriptionAdminPage(p: {
  ctx: ViewContext;
  stats: SubscriptionStats;
  form: FormState;
  done: boolean;
}) {
  const s = p.stats;
  return (
    <AdminLayout ctx={p.ctx} title="政策找人订阅">
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '政策找人订阅' }]} />
      <h1>政策找人订阅</h1>
      {p.done ? <Notice>设置已保存。</Notice> : null}
      <h2>订阅状态</h2>
      <SummaryList
        rows={[
          ...SUBSCRIPTION_STATES.map((st): [string, string] => [
            SUBSCRIPTION_STATE_LABELS[st],
            String(s.byState[st]),
          ]),
          ['已推送条目（累计）', String(s.delivered)],
          ...Object.entries(MAIL_STATUS_LABELS).map(([k, l]): [string, string] => [
            `订阅邮件${l}`,
            String(s.mails[k] ?? 0),
          ]),
        ]}
      />
      <h2>按选择统计（待确认和已确认的订阅）</h2>
      <CountTable caption="按信息类别" rows={s.byKind} />
      <CountTable caption="按对象" rows={s.byAudience} />
      <CountTable caption="按主题" rows={s.byTopic} />
      <CountTable caption="按发布单位" rows={s.byUnit} />
      <h2>最近的推送</h2>
      <DataTable
        caption="最近 10 次推送"
        captionHidden
        columns={[
          { header: '批次', cell: (r: SubscriptionStats['runs'][number]) => r.runKey },
          { header: '发布时间范围', cell: (r) => `${r.since} — ${r.until}` },
          { header: '新信息', numeric: true, cell: (r) => r.items },
          { header: '邮件', numeric: true, cell: (r) => r.mails },
          { header: '状态', cell: (r) => (r.finished ? '已完成' : '进行中') },
        ]}
        rows={s.runs}
        empty={<p>尚未推送。</p>}
      />
      <h2>发送失败的订阅邮件</h2>
      <DataTable
        caption="发送失败的订阅邮件"
        captionHidden
        columns={[
          { header: '收件人', cell: (r: SubscriptionStats['failures'][number]) => r.recipient },
          { header: '主题', cell: (r) => r.subject },
          { header: '原因', cell: (r) => r.error ?? '' },
          { header: '时间', cell: (r) => r.at },
        ]}
        rows={s.failures}
        empty={<p>没有发送失败的订阅邮件。</p>}
      />
      <h2>设置</h2>
      <SettingsForm
        group={SUBSCRIPTION_SETTINGS}
        form={p.form}
        action="/admin/subscriptions/settings"
        csrfToken={p.ctx.csrfToken}
      />
    </AdminLayout>
  );
}
