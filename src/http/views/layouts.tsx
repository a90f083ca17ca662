/** The public layout and the back-office layout. Both work without JavaScript. */
import type { ComponentChildren } from 'preact';
import { can, canSiteWide } from '../../kernel/permissions.ts';
import { MENU_AREAS, type PublicLink } from '../../platform/menu.ts';
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

/** A module's public link; `pageParam` carries the current page's path. */
function linkHref(link: PublicLink, path: string): string {
  if (!link.pageParam) return link.href;
  const sep = link.href.includes('?') ? '&' : '?';
  return `${link.href}${sep}${link.pageParam}=${encodeURIComponent(path)}`;
}

function Footer({ ctx }: { ctx: ViewContext }) {
  const site = ctx.site;
  const links = ctx.publicLinks?.footer ?? [];
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>主办单位：{site.sponsor}</p>
        <p>
          网站标识码：{site.identifier}　{site.icp}　{site.psb}
        </p>
        <p>
          <a href="/accessibility">无障碍说明</a>　<a href="/units">机构设置</a>
          {links.map((l) => (
            <span key={l.href}>
              　<a href={linkHref(l, ctx.path)}>{l.label}</a>
            </span>
          ))}
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
              {(ctx.publicLinks?.nav ?? []).map((l) => (
                <li key={l.href}>
                  <a
                    href={linkHref(l, ctx.path)}
                    aria-current={ctx.path.startsWith(l.current ?? l.href) ? 'page' : undefined}
                  >
                    {l.label}
                  </a>
                </li>
              ))}
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
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}

/**
 * The back-office menu: the entries the modules declare (ctx.menu) that the actor may use, grouped by
 * area so it stays usable as modules are added. `siteWide` entries need the action on a top-level unit.
 */
function AdminNav({ ctx }: { ctx: ViewContext }) {
  const visible = (ctx.menu ?? []).filter((n) => (n.siteWide ? canSiteWide : can)(ctx.actor, n.action));
  const areas = Object.entries(MENU_AREAS)
    .map(([area, label]) => ({ label, entries: visible.filter((n) => n.area === area) }))
    .filter((a) => a.entries.length > 0);
  return (
    <nav class="main-nav admin-nav" aria-label="后台导航">
      <ul class="wrap">
        {areas.map((a) => (
          <li key={a.label} class="nav-area">
            <span class="nav-area-label">{a.label}</span>
            <ul>
              {a.entries.map((n) => (
                <li key={n.href}>
                  <a href={n.href} aria-current={ctx.path === n.href ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </li>
        ))}
        <li class="nav-area">
          <a href="/">访问网站</a>
        </li>
      </ul>
    </nav>
  );
}

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
          {ctx.mustChangePassword ? null : <AdminNav ctx={ctx} />}
        </header>
        <main id="main" class="wrap main" tabindex={-1}>
          {children}
        </main>
        <Footer ctx={ctx} />
      </body>
    </html>
  );
}
