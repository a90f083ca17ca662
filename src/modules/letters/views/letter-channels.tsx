/** Staff pages of the boxes (信箱) and of the letter settings. */

import type { Unit } from '../../../db/schema.ts';
import { DataTable } from '../../../http/kit/data-table.tsx';
import { SettingsForm } from '../../../http/kit/settings-form.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS } from '../letter.model.ts';
import { LETTER_SETTINGS } from '../letter-settings.ts';
import type { ChannelRow } from '../letters.repository.ts';

export function ChannelsPage({
  ctx,
  channels,
}: {
  ctx: ViewContext;
  channels: (ChannelRow & { unit_name: string })[];
}) {
  return (
    <AdminLayout ctx={ctx} title="信箱管理">
      <Breadcrumbs items={[{ href: '/admin/letters', label: '政民互动来信' }, { label: '信箱管理' }]} />
      <h1>信箱管理</h1>
      <p>
        <a href="/admin/letters/channels/new">新建信箱</a>
      </p>
      <DataTable
        caption="信箱"
        captionHidden
        rows={channels}
        rowKey={(c) => c.id}
        empty={<p>尚未设置信箱。</p>}
        columns={[
          { header: '名称', cell: (c) => <a href={`/admin/letters/channels/${c.id}`}>{c.name}</a> },
          {
            header: '类型',
            cell: (c) => CHANNEL_KIND_LABELS[c.kind as keyof typeof CHANNEL_KIND_LABELS] ?? c.kind,
          },
          { header: '领导', cell: (c) => c.leader_name ?? '—' },
          { header: '所属单位', cell: (c) => c.unit_name },
          {
            header: '答复期限',
            cell: (c) => (c.reply_working_days ? `${c.reply_working_days} 个工作日` : '按系统设置'),
          },
          { header: '状态', cell: (c) => (c.active ? '启用' : '停用') },
        ]}
      />
    </AdminLayout>
  );
}

export function ChannelFormPage({
  ctx,
  form,
  units,
  channelId,
}: {
  ctx: ViewContext;
  form: FormState;
  units: Unit[];
  channelId?: number;
}) {
  const title = channelId ? '修改信箱' : '新建信箱';
  return (
    <AdminLayout ctx={ctx} title={title}>
      <Breadcrumbs
        items={[
          { href: '/admin/letters', label: '政民互动来信' },
          { href: '/admin/letters/channels', label: '信箱管理' },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <ErrorSummary problems={form.problems} />
      <form
        method="post"
        action={channelId ? `/admin/letters/channels/${channelId}` : '/admin/letters/channels/new'}
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <TextField form={form} name="name" label="信箱名称" required hint="例如 县长信箱、政务公开咨询" />
        <SelectField
          form={form}
          name="kind"
          label="信箱类型"
          options={CHANNEL_KINDS.map((k) => ({ value: k, label: CHANNEL_KIND_LABELS[k] }))}
        />
        <SelectField
          form={form}
          name="unitId"
          label="所属单位"
          placeholder="请选择"
          hint="来信先到该单位分办"
          options={units.map((u) => ({ value: String(u.id), label: u.name }))}
        />
        <TextField form={form} name="leaderName" label="领导姓名（领导信箱填写）" width="short" />
        <TextArea form={form} name="description" label="信箱说明" rows={3} />
        <TextField
          form={form}
          name="replyWorkingDays"
          label="本信箱答复期限（工作日，选填）"
          width="short"
          inputmode="numeric"
          hint="不填则按“来信答复时限设置”"
        />
        <TextField form={form} name="position" label="排序" width="short" inputmode="numeric" />
        <SelectField
          form={form}
          name="active"
          label="状态"
          options={[
            { value: 'yes', label: '启用' },
            { value: 'no', label: '停用' },
          ]}
        />
        <Button>保存</Button>
      </form>
    </AdminLayout>
  );
}

export function LetterSettingsPage({
  ctx,
  form,
  done,
}: {
  ctx: ViewContext;
  form: FormState;
  done: boolean;
}) {
  return (
    <AdminLayout ctx={ctx} title="来信答复时限设置">
      <Breadcrumbs
        items={[{ href: '/admin/letters', label: '政民互动来信' }, { label: '来信答复时限设置' }]}
      />
      <h1>来信答复时限设置</h1>
      {done ? <Notice>设置已保存。</Notice> : null}
      <p>期限按工作日计算（节假日和调休按“工作日历”）；各项的依据见说明。</p>
      <SettingsForm
        group={LETTER_SETTINGS}
        form={form}
        action="/admin/letters/settings"
        csrfToken={ctx.csrfToken}
      />
    </AdminLayout>
  );
}
