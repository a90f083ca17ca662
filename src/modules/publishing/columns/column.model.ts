/** 栏目 (columns): kinds, update cycles and the input shape of the column form. */
import { z } from 'zod';
import {
  choice,
  optionalChecked,
  optionalIntField,
  optionalText,
  requiredText,
} from '../../../lib/validation.ts';

/** Column kinds (keys persisted): 信息列表, 单页, 外链. */
export const COLUMN_KINDS = ['list', 'page', 'link'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export const COLUMN_KIND_LABELS: Record<ColumnKind, string> = {
  list: '信息列表',
  page: '单页',
  link: '外链',
};

/**
 * Expected update cycles (keys persisted). Stored now, used by monitoring later: 国办秘函〔2019〕19号
 * counts columns not updated within their cycle (regulations §8).
 */
export const UPDATE_CYCLES = [
  'realtime',
  'weekly',
  'monthly',
  'quarterly',
  'half_yearly',
  'yearly',
  'as_needed',
] as const;
export type UpdateCycle = (typeof UPDATE_CYCLES)[number];
export const UPDATE_CYCLE_LABELS: Record<UpdateCycle, string> = {
  realtime: '实时',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  half_yearly: '每半年',
  yearly: '每年',
  as_needed: '按需',
};

const checkUrl = (v: string) => (/^https?:\/\/[^\s]+$/.test(v) ? null : '必须以 http:// 或 https:// 开头');

/** Fields of the column form. A 外链 column needs its address; other kinds must not have one. */
export const columnInputSchema = z
  .object({
    name: requiredText('栏目名称', 60),
    kind: choice('栏目类型', COLUMN_KINDS),
    updateCycle: choice('更新周期', UPDATE_CYCLES),
    responsibleUnitId: optionalIntField('责任单位', { min: 1 }),
    externalUrl: optionalChecked('外链地址', checkUrl, 500),
    pageHtml: optionalText('单页内容', 200_000),
    sortOrder: optionalIntField('排序号', { min: 0, max: 99999 }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'link' && !v.externalUrl)
      ctx.addIssue({ code: 'custom', path: ['externalUrl'], message: '外链栏目请填写外链地址' });
    if (v.kind !== 'link' && v.externalUrl)
      ctx.addIssue({ code: 'custom', path: ['externalUrl'], message: '外链地址只用于外链栏目' });
  });
export type ColumnInput = z.infer<typeof columnInputSchema>;
