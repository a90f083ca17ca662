/**
 * 政府信息公开指南 (条例 第十二条): generated from the unit's own data on every request, so it is always
 * current — classification and arrangement (the unit's columns and its 主动公开目录), how to obtain
 * information (proactive channels and 依申请公开), and the 工作机构's name, address, hours and contacts.
 */
import type { Unit } from '../../../db/schema.ts';
import type { SiteColumn } from '../publishing.tables.ts';

/** 条例 第十二条: what the guide must tell about the 政府信息公开工作机构. */
export interface GuideOffice {
  name: string;
  address: string | null;
  postcode: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
}

export interface GuideSection {
  column: SiteColumn;
  children: SiteColumn[];
}

export interface Guide {
  unit: Unit;
  office: GuideOffice;
  sections: GuideSection[];
  catalogueCount: number;
}

/**
 * The 工作机构 (条例 第四条: each organ designates one): for a 人民政府, its 办公室 when there is one — the
 * 办公厅（室） is the 主管部门 of 政府信息公开 (第三条) and is usually designated; otherwise the unit itself.
 * Empty fields fall back to the unit's.
 */
function guideOffice(unit: Unit, children: readonly Unit[]): GuideOffice {
  const office =
    unit.kind === 'government' ? children.find((c) => c.active && /办公室$/.test(c.name)) : undefined;
  const pick = <K extends keyof Unit>(k: K) => (office?.[k] as Unit[K] | undefined) || unit[k];
  return {
    name: office?.name ?? unit.name,
    address: pick('address'),
    postcode: pick('postcode'),
    officeHours: pick('office_hours'),
    phone: pick('phone'),
    fax: pick('fax'),
    email: pick('email'),
    website: pick('website'),
  };
}

/** Builds the guide of `unit` from its active columns and catalogue size. */
export function buildGuide(
  unit: Unit,
  children: readonly Unit[],
  columns: readonly SiteColumn[],
  catalogueCount: number,
): Guide {
  const sections = columns
    .filter((c) => c.parent_id === null)
    .map((column) => ({ column, children: columns.filter((c) => c.parent_id === column.id) }));
  return { unit, office: guideOffice(unit, children), sections, catalogueCount };
}
