/**
 * Which unit owns a page of this site (issue 13 item 6: a 找错 report is "routed to the unit that owns the
 * page"). The page address is classified by the site's public routes exactly as the broken internal links
 * check does (each manifest's `publicRoutes` with its `target`): a document page or attachment → the
 * document's publishing unit; a column → the column's responsible unit (责任单位, who keeps it updated); a
 * unit's page → that unit. Any other page (the home page, search, a module's list) has no owner here: the
 * report then lands at the 找错 box's unit, and the staff page says so.
 */
import type { PublicRoute } from '../../platform/module.ts';
import { internalPathOf, routeTarget } from '../publishing/checks/internal-links.ts';

export type PageOwnerHow = 'document' | 'attachment' | 'column' | 'unit';

/** Why the report went to that unit (the staff page shows this). */
export const PAGE_OWNER_HOW_LABELS: Record<PageOwnerHow, string> = {
  document: '页面是该单位发布的政府信息',
  attachment: '页面是该单位发布的政府信息的附件',
  column: '页面是该单位负责更新的栏目',
  unit: '页面是该单位的页面',
};
/** Shown when no unit owns the page. */
export const NO_PAGE_OWNER_NOTE = '无法从页面地址判断所属单位，由“我为政府网站找错”信箱所属单位分办';

export interface PageOwner {
  unitId: number;
  how: PageOwnerHow;
}

/** The lookups behind the routes' targets (wired from the publishing and units services). */
export interface PageOwnerDeps {
  routes: () => readonly PublicRoute[];
  /** PUBLIC_URL: absolute addresses on its host are pages of this site. */
  publicBaseUrl?: string | undefined;
  /** The publishing unit of a published document, or null. */
  documentUnit(documentId: number): Promise<number | null>;
  /** The responsible unit of an active column, or null. */
  columnUnit(columnId: number): Promise<number | null>;
  /** Whether an active unit has this id. */
  unitExists(unitId: number): Promise<boolean>;
}

/** The longest page address looked at (a 找错 form field; longer ones are not addresses of this site). */
export const MAX_PAGE_URL_LENGTH = 2_000;

/** The route target of a page address, or null when it is not a page of this site. */
export function pageTarget(url: string, routes: readonly PublicRoute[], publicBaseUrl?: string | undefined) {
  const u = url.trim();
  if (u === '' || u.length > MAX_PAGE_URL_LENGTH) return null;
  const path = internalPathOf(u, { publicBaseUrl });
  if (path === null) return null;
  return routeTarget(path, routes);
}

export class PageOwners {
  constructor(private readonly d: PageOwnerDeps) {}

  /** The unit that owns the page at `url`, and how that was found; null when none does. */
  async resolvePageOwner(url: string): Promise<PageOwner | null> {
    const t = pageTarget(url, this.d.routes(), this.d.publicBaseUrl);
    if (!t) return null;
    switch (t.kind) {
      case 'document':
      case 'attachment': {
        const unitId = await this.d.documentUnit(t.documentId);
        return unitId === null ? null : { unitId, how: t.kind };
      }
      case 'column': {
        const unitId = await this.d.columnUnit(t.columnId);
        return unitId === null ? null : { unitId, how: 'column' };
      }
      case 'unit':
        return (await this.d.unitExists(t.unitId)) ? { unitId: t.unitId, how: 'unit' } : null;
      default:
        return null;
    }
  }
}

/** The services page ownership reads, as the registry offers them (structural: no import of their modules). */
export interface PageOwnerSources {
  publicRoutes(): readonly PublicRoute[];
  config: { PUBLIC_URL?: string | undefined };
  publishing: {
    publicDocuments: { getPublished(id: number): Promise<{ unit_id: number } | undefined | null> };
    columns: { get(id: number): Promise<{ responsible_unit_id: number; active: number }> };
  };
  units: { findById(id: number): Promise<{ active: number } | undefined> };
}

/** Wires the lookups from the registry. */
export function pageOwnersFrom(r: PageOwnerSources): PageOwners {
  return new PageOwners({
    routes: () => r.publicRoutes(),
    publicBaseUrl: r.config.PUBLIC_URL,
    documentUnit: async (id) => (await r.publishing.publicDocuments.getPublished(id))?.unit_id ?? null,
    columnUnit: async (id) => {
      const c = await r.publishing.columns.get(id).catch(() => null);
      return c && c.active === 1 ? c.responsible_unit_id : null;
    },
    unitExists: async (id) => (await r.units.findById(id))?.active === 1,
  });
}
