/** Back-office pages for accounts and roles (安全管理员). */

import type { Unit } from '../../../db/schema.ts';
import { emptyForm, type FormState, type ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SummaryList,
  TextField,
} from '../../../http/views/components.tsx';
import { formatTime } from '../../../http/views/format.ts';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { ROLE_LABELS, ROLES, type Role } from '../../../kernel/roles.ts';
import type { UserWithUnit } from '../account.repository.ts';

type Grant = { id: number; role: string; unitId: number; unitName: string };

const DONE: Record<string, string> = {
  granted: '角色已授予。',
  revoked: '角色已撤销。',
  unlocked: '账户已解锁。',
  activated: '账户已启用。',
  deactivated: '账户已停用，其登录会话已全部结束。',
  sessions: '该账户的所有登录会话已结束。',
};

function status(u: UserWithUnit, now: Date): string {
  if (!u.active) return '已停用';
  if (u.locked_until && new Date(u.locked_until) > now) return '已锁定';
  if (u.must_change_password) return '待修改初始密码';
  return '正常';
}

export function UserListPage({ ctx, users, now }: { ctx: ViewContext; users: UserWithUnit[]; now: Date }) {
  return (
    <AdminLayout ctx={ctx} title="账户与角色">
      <h1>账户与角色</h1>
      <p>
        <a href="/admin/users/new">新建账户</a>
      </p>
      <table>
        <caption>账户列表（共 {users.length} 个）</caption>
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">所属单位</th>
            <th scope="col">状态</th>
            <th scope="col">最近登录</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`/admin/users/${u.id}`}>{u.username}</a>
              </td>
              <td>{u.display_name}</td>
              <td>{u.unit_name}</td>
              <td>{status(u, now)}</td>
              <td>{u.last_login_at ? formatTime(u.last_login_at) : '从未登录'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  );
}

export function NewUserPage({ ctx, units, form }: { ctx: ViewContext; units: Unit[]; form: FormState }) {
  return (
    <AdminLayout ctx={ctx} title="新建账户">
      <Breadcrumbs items={[{ href: '/admin/users', label: '账户与角色' }, { label: '新建账户' }]} />
      <h1>新建账户</h1>
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/admin/users/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          form={form}
          name="username"
          label="用户名"
          width="short"
          hint="3–32 位字母、数字、点、下划线或连字符，创建后不能修改"
          required
        />
        <TextField form={form} name="displayName" label="姓名" width="short" required />
        <SelectField
          form={form}
          name="unitId"
          label="所属单位"
          required
          placeholder="请选择"
          options={units.map((u) => ({ value: String(u.id), label: `${'　'.repeat(u.depth)}${u.name}` }))}
        />
        <p class="hint">系统将生成一次性初始密码，本人首次登录时须修改。</p>
        <Button>创建账户</Button>
      </form>
    </AdminLayout>
  );
}

export function TemporaryPasswordPage({
  ctx,
  user,
  password,
  created,
}: {
  ctx: ViewContext;
  user: { id: number; username: string };
  password: string;
  created: boolean;
}) {
  return (
    <AdminLayout ctx={ctx} title={created ? '账户已创建' : '密码已重置'}>
      <h1>{created ? '账户已创建' : '密码已重置'}</h1>
      <Notice kind="warning">
        账户“{user.username}”的一次性密码为：<strong class="mono">{password}</strong>
        。此密码只显示这一次，请通过安全渠道告知本人；本人登录后须立即修改。
      </Notice>
      <p>
        <a href={`/admin/users/${user.id}`}>返回账户详情</a>
      </p>
    </AdminLayout>
  );
}

interface DetailProps {
  ctx: ViewContext;
  user: UserWithUnit;
  grants: Grant[];
  units: Unit[];
  grantForm?: FormState;
  now: Date;
  done?: string;
}

export function UserDetailPage({
  ctx,
  user,
  grants,
  units,
  grantForm = emptyForm(),
  now,
  done,
}: DetailProps) {
  const locked = !!user.locked_until && new Date(user.locked_until) > now;
  const base = `/admin/users/${user.id}`;
  return (
    <AdminLayout ctx={ctx} title={user.username}>
      <Breadcrumbs items={[{ href: '/admin/users', label: '账户与角色' }, { label: user.username }]} />
      <h1>
        {user.display_name}（{user.username}）
      </h1>
      {done && DONE[done] ? <Notice>{DONE[done]}</Notice> : null}
      <ErrorSummary problems={grantForm.problems} />
      <SummaryList
        rows={[
          ['所属单位', user.unit_name],
          ['状态', status(user, now)],
          ['锁定至', locked ? formatTime(user.locked_until!) : '未锁定'],
          ['最近登录', user.last_login_at ? formatTime(user.last_login_at) : '从未登录'],
        ]}
      />
      <div class="actions">
        <ActionForm action={`${base}/reset-password`} csrf={ctx.csrfToken} label="重置密码" />
        {locked ? (
          <ActionForm action={`${base}/unlock`} csrf={ctx.csrfToken} label="解锁账户" kind="primary" />
        ) : null}
        <ActionForm action={`${base}/end-sessions`} csrf={ctx.csrfToken} label="强制下线" />
        <ActionForm
          action={`${base}/${user.active ? 'deactivate' : 'activate'}`}
          csrf={ctx.csrfToken}
          label={user.active ? '停用账户' : '启用账户'}
          kind={user.active ? 'warning' : 'secondary'}
        />
      </div>
      <h2 id="roles">角色</h2>
      {grants.length ? (
        <table>
          <caption class="visually-hidden">已授予的角色</caption>
          <thead>
            <tr>
              <th scope="col">角色</th>
              <th scope="col">授权范围</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>{ROLE_LABELS[g.role as Role] ?? g.role}</td>
                <td>{g.unitName}及下级单位</td>
                <td>
                  <ActionForm
                    action={`/admin/grants/${g.id}/revoke`}
                    csrf={ctx.csrfToken}
                    label={`撤销${ROLE_LABELS[g.role as Role] ?? ''}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>尚未授予角色。</p>
      )}
      <h3>授予角色</h3>
      <form method="post" action={`${base}/grants`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          form={grantForm}
          name="role"
          label="角色"
          required
          placeholder="请选择"
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          hint="三员分立：安全审计员不能同时担任系统管理员或安全管理员"
        />
        <SelectField
          form={grantForm}
          name="unitId"
          label="授权单位"
          required
          placeholder="请选择"
          options={units.map((u) => ({ value: String(u.id), label: `${'　'.repeat(u.depth)}${u.name}` }))}
          hint="角色对该单位及其全部下级单位有效"
        />
        <Button kind="secondary">授予</Button>
      </form>
    </AdminLayout>
  );
}
