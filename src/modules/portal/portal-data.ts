/** Data the portal's home page gathers from other modules' public scopes. */
import type { Registry } from '../../platform/module.ts';
import type { SiteColumn } from '../publishing/publishing.tables.ts';

/** Latest documents on the home page. */
export const HOME_LATEST = 10;
/** Latest 政策解读 on the home page. */
export const HOME_INTERPRETATIONS = 5;
/** 专题专栏 of a unit: its active top-level columns that are not part of the 政府信息公开 template. */
export async function topicColumns(app: Registry, unitId: number): Promise<SiteColumn[]> {
  const columns = await app.publishing.columns.listActiveForUnit(unitId);
  return columns.filter((c) => c.parent_id === null && c.template_key === null);
}

/** The unit's 政策解读 column (template key policy_interpretation), for the home page's “更多” link. */
export async function interpretationColumn(app: Registry, unitId: number): Promise<SiteColumn | undefined> {
  const columns = await app.publishing.columns.listActiveForUnit(unitId);
  return columns.find((c) => c.template_key === 'policy_interpretation');
}
