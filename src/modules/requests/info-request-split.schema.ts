/**
 * Input of a split (一事一申请; the items are those of 条例 第二十九条第（二）项; splitting for counting: 国办函〔2020〕109号): the items the application asks for, item 1 staying on
 * the case itself, each further item becoming a linked case. Every problem is reported by field.
 */
import { z } from 'zod';

/** Item fieldsets the split form shows (no JavaScript; a split case can be split again). */
export const SPLIT_FORM_ITEMS = 5;
/** Items one split may create at most (form fields item1… item20 are read). */
const MAX_SPLIT_ITEMS = 20;

/** One item: what the case (or the new case) asks for, at least one of the three fields. */
export interface SplitItem {
  infoName: string | null;
  infoDocNumber: string | null;
  infoDescription: string | null;
}

export interface SplitInput {
  /** The case's updated_at when the form was shown: a resubmitted or stale form is refused. */
  version: string;
  items: SplitItem[];
}

const FIELDS = [
  { key: 'Name', label: '所需信息名称', max: 200 },
  { key: 'DocNumber', label: '文号', max: 100 },
  { key: 'Description', label: '所需信息的描述', max: 2000 },
] as const;

/** The form field of item `n` (1-based), e.g. item2Name. */
export const itemField = (n: number, key: (typeof FIELDS)[number]['key']) => `item${n}${key}`;

function text(raw: Record<string, unknown>, name: string): string | null {
  const v = raw[name];
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

const same = (a: SplitItem, b: SplitItem) =>
  a.infoName === b.infoName && a.infoDocNumber === b.infoDocNumber && a.infoDescription === b.infoDescription;

/** Validates the split form: item 1 and at least one more item, each field within its length. */
export const splitSchema = z.record(z.string(), z.unknown()).transform((raw, ctx): SplitInput => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const items: SplitItem[] = [];
  for (let n = 1; n <= MAX_SPLIT_ITEMS; n++) {
    const [name, doc, desc] = FIELDS.map((f) => {
      const v = text(raw, itemField(n, f.key));
      if (v !== null && Array.from(v).length > f.max) {
        issue(itemField(n, f.key), `第 ${n} 项的${f.label}不能超过 ${f.max} 个字`);
      }
      return v;
    });
    const item = { infoName: name ?? null, infoDocNumber: doc ?? null, infoDescription: desc ?? null };
    const empty = !item.infoName && !item.infoDocNumber && !item.infoDescription;
    if (n === 1 && empty) {
      issue(
        itemField(1, 'Description'),
        '第 1 项（继续在本申请中办理）的所需信息名称、文号或描述至少填写一项',
      );
    }
    if (empty) continue;
    const twin = items.findIndex((x) => same(x, item));
    if (twin >= 0) issue(itemField(n, 'Description'), `第 ${n} 项与前面的一项相同，请删去或修改`);
    items.push(item);
  }
  if (items.length < 2) {
    issue(
      itemField(2, 'Description'),
      '拆分至少需要两项：请填写第 2 项的所需信息名称、文号或描述（一事一申请）',
    );
  }
  const version = typeof raw.version === 'string' ? raw.version : '';
  if (!version) issue('_', '表单已过期，请刷新页面后重新填写');
  return { version, items };
});
