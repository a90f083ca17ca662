/** Log-in, password change and the back-office home page. */

import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { Button, CsrfField, ErrorSummary, Notice, TextField } from '../../../http/views/components.tsx';
import { AdminLayout, PublicLayout } from '../../../http/views/layouts.tsx';
import { can } from '../../../kernel/permissions.ts';
import { ROLE_LABELS, type Role } from '../../../kernel/roles.ts';
import type { RoleGrant } from '../../../lib/actor.ts';

export function LoginPage({
  ctx,
  form,
  loggedOut,
}: {
  ctx: ViewContext;
  form: FormState;
  loggedOut?: boolean;
}) {
  return (
    <PublicLayout ctx={ctx} title="工作人员登录">
      <h1>工作人员登录</h1>
      {loggedOut ? <Notice>您已安全退出。</Notice> : null}
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={String(form.values.next ?? '')} />
        <TextField
          form={form}
          name="username"
          label="用户名"
          autocomplete="username"
          width="short"
          required
        />
        <TextField
          form={form}
          name="password"
          label="密码"
          type="password"
          autocomplete="current-password"
          width="short"
          required
        />
        <Button>登录</Button>
      </form>
      <p class="hint">连续 5 次输入错误密码，账户将被锁定 15 分钟。忘记密码请联系本单位安全管理员重置。</p>
    </PublicLayout>
  );
}

export function ChangePasswordPage({
  ctx,
  form,
  done,
}: {
  ctx: ViewContext;
  form: FormState;
  done: boolean;
}) {
  return (
    <AdminLayout ctx={ctx} title="修改密码">
      <h1>修改密码</h1>
      {done ? <Notice>密码已修改。其他设备上的登录已全部退出。</Notice> : null}
      {ctx.mustChangePassword ? (
        <Notice kind="warning">首次登录或密码被重置后，须先设置新密码才能继续使用。</Notice>
      ) : null}
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/admin/password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          form={form}
          name="current"
          label="当前密码"
          type="password"
          autocomplete="current-password"
          width="short"
          required
        />
        <TextField
          form={form}
          name="next"
          label="新密码"
          type="password"
          autocomplete="new-password"
          width="short"
          hint="至少 8 位，须包含大写字母、小写字母、数字、符号中的至少 3 类，且不能包含用户名"
          required
        />
        <TextField
          form={form}
          name="confirm"
          label="再次输入新密码"
          type="password"
          autocomplete="new-password"
          width="short"
          required
        />
        <Button>保存新密码</Button>
      </form>
    </AdminLayout>
  );
}

export function AdminHomePage({
  ctx,
  grants,
}: {
  ctx: ViewContext;
  grants: (RoleGrant & { unitName: string })[];
}) {
  const actor = ctx.actor;
  const links: [string, string, boolean][] = [
    ['/admin/units', '单位管理：维护单位树、机构信息和领导信息', can(actor, 'unit.manage')],
    ['/admin/users', '账户与角色：新建账户、重置密码、解锁、授予角色', can(actor, 'user.view')],
    ['/admin/audit', '审计日志：筛选、导出、校验完整性', can(actor, 'audit.read')],
    ['/admin/calendar', '工作日历：录入或更正法定节假日与调休安排', can(actor, 'calendar.manage')],
  ];
  return (
    <AdminLayout ctx={ctx} title="工作台">
      <h1>工作台</h1>
      <h2>我的角色</h2>
      {grants.length ? (
        <ul>
          {grants.map((g) => (
            <li key={`${g.role}-${g.unitId}`}>
              {ROLE_LABELS[g.role as Role] ?? g.role}（{g.unitName}及下级单位）
            </li>
          ))}
        </ul>
      ) : (
        <p>您的账户尚未被授予任何角色，请联系安全管理员。</p>
      )}
      <h2>常用功能</h2>
      <ul class="card-grid">
        {links
          .filter(([, , ok]) => ok)
          .map(([href, label]) => (
            <li key={href}>
              <a href={href}>{label}</a>
            </li>
          ))}
      </ul>
    </AdminLayout>
  );
}
