/**
 * 主动公开目录 / 基层政务公开标准目录 (regulations.md §10): the list of what a unit must publish,
 * with the standard columns and vocabularies of the 26 pilot areas' catalogue tables.
 */
import { z } from 'zod';
import { optionalText, requiredText } from '../../lib/validation.ts';

/** 公开渠道和载体: the standard checkbox vocabulary. */
export const CATALOGUE_CHANNELS = [
  '政府网站',
  '政府公报',
  '两微一端',
  '发布会/听证会',
  '广播电视',
  '纸质媒体',
  '公开查阅点',
  '政务服务中心',
  '便民服务站',
  '入户/现场',
  '社区/企事业单位/村公示栏（电子屏）',
  '精准推送',
  '其他',
] as const;

export const AUDIENCES = ['全社会', '特定群体'] as const;
export const DISCLOSURE_WAYS = ['主动', '依申请'] as const;
export const LEVELS = ['县级', '乡级'] as const;

/** The usual 公开时限 of the standard catalogues (条例 第二十六条). */
export const DEFAULT_TIME_LIMIT = '信息形成或者变更之日起20个工作日内';

const pick = <T extends readonly string[]>(label: string, values: T) =>
  z
    .array(z.string())
    .transform((xs) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))])
    .superRefine((xs, ctx) => {
      const bad = xs.filter((x) => !(values as readonly string[]).includes(x));
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `${label}：不认识“${bad.join('、')}”，可选 ${values.join('、')}`,
        });
    })
    .transform((xs) => xs as T[number][]);

const list = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string()),
);

/** One catalogue row as typed in the form or read from a spreadsheet row. */
export const catalogueItemSchema = z.object({
  level1: requiredText('一级事项', 100),
  level2: optionalText('二级事项', 100),
  content: requiredText('公开内容（要素）', 2000),
  basis: optionalText('公开依据', 2000),
  timeLimit: optionalText('公开时限', 200),
  publisher: requiredText('公开主体', 200),
  channels: list
    .pipe(pick('公开渠道和载体', CATALOGUE_CHANNELS))
    .refine((xs) => xs.length > 0, '请至少选择一个公开渠道和载体'),
  audiences: list.pipe(pick('公开对象', AUDIENCES)).refine((xs) => xs.length > 0, '请选择公开对象'),
  ways: list.pipe(pick('公开方式', DISCLOSURE_WAYS)).refine((xs) => xs.length > 0, '请选择公开方式'),
  levels: list.pipe(pick('公开层级', LEVELS)).refine((xs) => xs.length > 0, '请选择公开层级'),
  columnIds: list.transform((xs) => xs.map(Number).filter((n) => Number.isInteger(n) && n > 0)),
});
export type CatalogueItemInput = z.infer<typeof catalogueItemSchema>;

/** A stored catalogue item as services return it. */
export interface CatalogueItem extends CatalogueItemInput {
  id: number;
  unitId: number;
  position: number;
}
