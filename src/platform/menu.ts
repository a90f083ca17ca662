/** The back-office menu: entries that modules declare in their manifests, grouped by area. */
import type { Action } from '../kernel/roles.ts';

/** Areas of the back-office menu, in the order they are shown. */
export const MENU_AREAS = {
  work: '工作台',
  disclosure: '主动公开',
  requests: '依申请公开',
  interaction: '政民互动',
  tasks: '工作要点',
  system: '系统管理',
} as const;
export type MenuArea = keyof typeof MENU_AREAS;

/** One back-office menu entry, shown to actors who may perform `action` (site-wide if `siteWide`). */
export interface MenuEntry {
  area: MenuArea;
  href: string;
  label: string;
  action: Action;
  /** Only for actors holding `action` on a top-level unit (site-wide settings). */
  siteWide?: true;
}

/**
 * A link a module adds to the public pages: the main navigation (`publicNav`) or the footer
 * (`footerLinks`). `current` is the path prefix that marks the entry as the current page; `pageParam`
 * names a query parameter that carries the path of the page the link is on (e.g. 我为政府网站找错
 * fills in the page address).
 */
export interface PublicLink {
  href: string;
  label: string;
  current?: string;
  pageParam?: string;
}

/** Entries in menu order: by area, then in the order the modules declared them. */
export function sortMenu(entries: readonly MenuEntry[]): MenuEntry[] {
  const order = Object.keys(MENU_AREAS);
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => order.indexOf(a.e.area) - order.indexOf(b.e.area) || a.i - b.i)
    .map(({ e }) => e);
}
