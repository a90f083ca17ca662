/** The public layout and the back-office layout. Both work without JavaScript. */
import type { ComponentChildren } from 'preact';
import { can, canSiteWide } from '../../modules/accounts/permissions.ts';
import type { Action } from '../../modules/accounts/roles.ts';
import type { ViewContext } from '../view-context.ts';
import { CsrfField } from './components.tsx';

function Head({ title, site }: { title: string; site: ViewContext['site'] }) {
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} - ${site.name}`}</title>
      <link rel="stylesheet" href="/assets/site.css" />
    </head>
  );
}

function ElderToggle({ ctx }: { ctx: ViewContext }) {
  const href = `/preferences/elder-mode?on=${ctx.elder ? '0' : '1'}&return=${encodeURIComponent(ctx.path)}`;
  return (
    <a class="elder-toggle" href={href}>
      {ctx.elder ? '退出长者模式' : '长者模式'}
    </a>
  );
}

function Footer({ site }: { site: ViewContext['site'] }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>主办单位：{site.sponsor}</p>
        <p>
          网站标识码：{site.identifier}　{site.icp}　{site.psb}
        </p>
        <p>
          <a href="/accessibility">无障碍说明</a>　<a href="/units">机构设置</a>
        </p>
      </div>
    </footer>
  );
}

export function PublicLayout({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <html lang="zh-CN" class={ctx.elder ? 'elder' : undefined}>
      <Head title={title} site={ctx.site} />
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-name" href="/">
              {ctx.site.name}
            </a>
            <search>
              <form class="search-box" action="/search" method="get">
                <label for="site-q" class="visually-hidden">
                  站内搜索
                </label>
                <input id="site-q" name="q" type="search" placeholder="搜索" />
                <button type="submit" class="button button-secondary">
                  搜索
                </button>
              </form>
            </search>
            <ElderToggle ctx={ctx} />
          </div>
          <nav class="main-nav" aria-label="主导航">
            <ul class="wrap">
              <li>
                <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>
                  首页
                </a>
              </li>
              <li>
                <a href="/units" aria-current={ctx.path.startsWith('/units') ? 'page' : undefined}>
                  机构设置
                </a>
              </li>
              <li>
                <a href="/search" aria-current={ctx.path === '/search' ? 'page' : undefined}>
                  信息检索
                </a>
              </li>
              <li>
                <a href="/requests" aria-current={ctx.path.startsWith('/requests') ? 'page' : undefined}>
                  依申请公开
                </a>
              </li>
              <li>
                <a href={ctx.actor.kind === 'user' ? '/admin' : '/login'}>
                  {ctx.actor.kind === 'user' ? '工作台' : '工作人员登录'}
                </a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap main" tabindex={-1}>
          {children}
        </main>
        <Footer site={ctx.site} />
      </body>
    </html>
  );
}

/** Entries of the back-office menu; `siteWide` ones need the action on a top-level unit. */
const ADMIN_NAV: { href: string; label: string; action: Action; siteWide?: true }[] = [
  { href: '/admin', label: '工作台', action: 'admin.access' },
  { href: '/admin/requests', label: '依申请公开', action: 'request.handle' },
  { href: '/admin/units', label: '单位管理', action: 'unit.manage' },
  { href: '/admin/users', label: '账户与角色', action: 'user.view' },
  { href: '/admin/audit', label: '审计日志', action: 'audit.read' },
  { href: '/admin/calendar', label: '工作日历', action: 'calendar.manage' },
  { href: '/admin/tasks', label: '工作台账', action: 'task.manage' },
  { href: '/admin/tasks/mine', label: '我的任务', action: 'task.report' },
  { href: '/admin/catalogue', label: '主动公开目录', action: 'disclosure.manage' },
  { href: '/admin/documents', label: '信息发布', action: 'content.draft' },
  {
    href: '/admin/documents?state=confidentiality_review',
    label: '保密审查',
    action: 'content.review_confidentiality',
  },
  { href: '/admin/columns', label: '栏目管理', action: 'disclosure.manage' },
  { href: '/admin/topics', label: '主题分类', action: 'disclosure.manage', siteWide: true },
  { href: '/admin/publishing/checks', label: '发布前检查', action: 'disclosure.manage', siteWide: true },
];

export function AdminLayout({
  ctx,
  title,
  children,
}: {
  ctx: ViewContext;
  title: string;
  children: ComponentChildren;
}) {
  const actor = ctx.actor;
  return (
    <html lang="zh-CN" class={ctx.elder ? 'elder admin' : 'admin'}>
      <Head title={title} site={ctx.site} />
      <body>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header admin-header">
          <div class="wrap header-row">
            <a class="site-name" href="/admin">
              {ctx.site.name} · 政务公开管理
            </a>
            {ctx.units && ctx.units.length > 1 ? (
              <form class="unit-switcher" method="get" action="/admin/switch-unit">
                <label for="switch-unit">当前单位</label>
                <select id="switch-unit" name="unit">
                  {ctx.units.map((u) => (
                    <option key={u.id} value={String(u.id)} selected={u.id === ctx.currentUnitId}>
                      {u.name}
                    </option>
                  ))}
                </select>
                <input type="hidden" name="return" value={ctx.path} />
                <button type="submit" class="button button-secondary">
                  切换
                </button>
              </form>
            ) : null}
            {actor.kind === 'user' ? (
              <div class="user-box">
                <span>{actor.displayName}</span>
                <a href="/admin/password">修改密码</a>
                <form method="post" action="/logout" class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="link-button">
                    退出
                  </button>
                </form>
              </div>
            ) : null}
            <ElderToggle ctx={ctx} />
          </div>
          {ctx.mustChangePassword ? null : (
            <nav class="main-nav" aria-label="后台导航">
              <ul class="wrap">
                {ADMIN_NAV.filter((n) => (n.siteWide ? canSiteWide : can)(actor, n.action)).map((n) => (
                  <li key={n.href}>
                    <a href={n.href} aria-current={ctx.path === n.href ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
                <li>
                  <a href="/">访问网站</a>
                </li>
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class="wrap main" tabindex={-1}>
          {children}
        </main>
        <Footer site={ctx.site} />
      </body>
    </html>
  );
}
