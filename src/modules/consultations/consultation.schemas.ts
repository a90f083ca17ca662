/** Form input of 意见征集 (zod, Chinese messages naming the field). */
import { z } from 'zod';
import { isValidPlainDate } from '../../lib/calendar/index.ts';
import { choice, optionalText, requiredText } from '../../lib/validation.ts';
import { validateEmail, validatePhone } from '../../lib/validators/contact.ts';
import {
  ADOPTIONS,
  ADOPTIONS_NEEDING_REASON,
  COMMENT_MAX_CHARS,
  CONSULTATION_BASES,
  NAME_MAX_CHARS,
} from './consultation.model.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = (label: string) => (v: string | null) =>
  v === null || !CONTROL.test(v) || `${label}含有无法识别的字符，请删除后重新填写`;
const refineText = <T extends z.ZodType<string | null>>(schema: T, label: string) =>
  schema.superRefine((v, ctx) => {
    const r = noControl(label)(v as string | null);
    if (r !== true) ctx.addIssue({ code: 'custom', message: r });
  });

const plainDate = (label: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z
      .string({ message: `请填写${label}` })
      .min(1, `请填写${label}`)
      .refine(isValidPlainDate, `${label}不是有效日期（格式：2026-03-01）`),
  );

/** Create and edit: the draft's text is typed, or read from an uploaded .docx by the route. */
export const consultationInputSchema = z.object({
  title: refineText(requiredText('标题', 200), '标题'),
  basis: choice('征集类型', CONSULTATION_BASES),
  summary: refineText(optionalText('起草说明', 4000), '起草说明'),
  draftText: refineText(requiredText('草案全文', 100_000), '草案全文'),
  opensOn: plainDate('开始日期'),
  closesOn: plainDate('截止日期'),
  shortReason: refineText(optionalText('缩短期限的理由', 500), '缩短期限的理由'),
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

/** 联系方式: a phone number or an e-mail address (optional). */
function contactProblem(v: string): string | null {
  if (v.includes('@')) {
    const e = validateEmail(v);
    return e.ok ? null : '联系方式：请填写正确的电子邮箱或电话号码';
  }
  const p = validatePhone(v);
  return p.ok ? null : '联系方式：请填写正确的电话号码或电子邮箱';
}

export const commentInputSchema = z.object({
  articleId: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? null : Number(v)),
    z
      .number({ message: '请选择意见针对的条款' })
      .int('请选择意见针对的条款')
      .positive('请选择意见针对的条款')
      .nullable(),
  ),
  name: refineText(optionalText('姓名', NAME_MAX_CHARS), '姓名'),
  contact: refineText(optionalText('联系方式', 100), '联系方式').superRefine((v, ctx) => {
    const p = v === null ? null : contactProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  }),
  body: refineText(requiredText('意见内容', COMMENT_MAX_CHARS), '意见内容'),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const hideInputSchema = z.object({
  reason: refineText(requiredText('不予显示的理由', 300), '不予显示的理由'),
});

const idList = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive()).min(1, '请至少选择一条意见'),
);

export const adoptionInputSchema = z
  .object({
    commentIds: idList,
    adoption: choice('采纳情况', ADOPTIONS),
    reason: refineText(optionalText('理由', 1000), '理由'),
  })
  .superRefine((v, ctx) => {
    if ((ADOPTIONS_NEEDING_REASON as readonly string[]).includes(v.adoption) && v.reason === null)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '部分采纳或未采纳的，请填写理由' });
  });

export const finalPolicyInputSchema = z.object({
  documentId: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string().min(1, '请填写最终文件的信息编号').regex(/^\d+$/, '信息编号必须是数字').transform(Number),
  ),
});
