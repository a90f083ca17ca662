/**
 * Input of a letter (issue 13 item 1 and item 6): every problem is reported at once, by field, in Chinese.
 * Text fields refuse NUL and other control characters and markup (it would never be rendered, but a letter
 * is stored and may be published as typed, so it is refused at the door). Personal fields are validated here
 * and encrypted by the service.
 */
import { validateEmail, validatePhone } from '../../lib/validators/contact.ts';
import {
  type LetterType,
  MAILBOX_LETTER_TYPES,
  MAX_BODY_LENGTH,
  MAX_NAME_LENGTH,
  MAX_TITLE_LENGTH,
  SITE_ERROR_KINDS,
  type SiteErrorKind,
  type WriterData,
} from './letter.model.ts';

/** Control characters other than tab and line breaks. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Something that looks like an HTML/XML tag, comment or entity-encoded tag. */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|&lt;\s*\/?\s*[a-z]/i;
export const MAX_PAGE_URL_LENGTH = 500;

/** Why a typed text is refused (null = fine). */
export function textProblem(label: string, v: string, max: number): string | null {
  if (CONTROL.test(v)) return `${label}含有不可见的控制字符，请删除后重新提交`;
  if (MARKUP.test(v)) return `${label}不能包含网页标记（如 <script>、<a> 等尖括号标签），请改为纯文字`;
  if (Array.from(v).length > max) return `${label}不能超过 ${max} 个字符`;
  return null;
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);

/** A page address of this site: a path (with query), never another site's address. */
export function sitePathProblem(v: string): string | null {
  if (!v.startsWith('/') || v.startsWith('//') || /[\s\\]/.test(v))
    return '页面地址应为本网站的页面路径（以“/”开头）';
  if (v.length > MAX_PAGE_URL_LENGTH) return `页面地址不能超过 ${MAX_PAGE_URL_LENGTH} 个字符`;
  return null;
}

/** A validated letter. */
export interface LetterInput {
  writer: WriterData;
  consentPublish: boolean;
  type: LetterType;
  title: string;
  body: string;
  pageUrl: string | null;
  errorKind: SiteErrorKind | null;
  idempotencyKey: string | null;
}

export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Parses the form of a box. `siteError` = the 找错 form: the name and contact are optional, the page address
 * and 错误类型 required, the type is 网站找错. Returns the input or every problem.
 */
export function parseLetterForm(
  fields: Record<string, unknown>,
  siteError: boolean,
): { ok: true; input: LetterInput } | { ok: false; problems: FieldIssue[] } {
  const problems: FieldIssue[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const text = (field: string, label: string, max: number, required: boolean): string | null => {
    const v = str(fields[field]).trim();
    if (v === '') {
      if (required) add(field, `请填写${label}`);
      return null;
    }
    const p = textProblem(label, v, max);
    if (p) add(field, p);
    return p ? null : v;
  };
  const name = text('name', '姓名', MAX_NAME_LENGTH, !siteError);
  const phoneRaw = text('phone', '联系电话', 40, false);
  const emailRaw = text('email', '电子邮箱', 254, false);
  let phone: string | null = null;
  let email: string | null = null;
  if (phoneRaw !== null) {
    const r = validatePhone(phoneRaw);
    if (r.ok) phone = r.normalised;
    else add('phone', r.reason.startsWith('联系电话') ? r.reason : `联系电话：${r.reason}`);
  }
  if (emailRaw !== null) {
    const r = validateEmail(emailRaw);
    if (r.ok) email = r.normalised;
    else add('email', r.reason.startsWith('电子邮箱') ? r.reason : `电子邮箱：${r.reason}`);
  }
  const contactTyped = str(fields.phone).trim() !== '' || str(fields.email).trim() !== '';
  if (!siteError && !contactTyped) add('phone', '请至少填写联系电话或电子邮箱中的一项，以便答复');

  let type: LetterType = 'site_error';
  let errorKind: SiteErrorKind | null = null;
  let pageUrl: string | null = null;
  if (siteError) {
    const k = str(fields.errorKind);
    const kind = SITE_ERROR_KINDS.find((e) => e.code === k);
    if (!kind) add('errorKind', '请选择错误类型');
    else errorKind = kind.code;
    const page = str(fields.pageUrl).trim();
    if (page === '') add('pageUrl', '请填写出错页面的地址');
    else {
      const p = sitePathProblem(page) ?? textProblem('页面地址', page, MAX_PAGE_URL_LENGTH);
      if (p) add('pageUrl', p);
      else pageUrl = page;
    }
  } else {
    const t = str(fields.type);
    if (!MAILBOX_LETTER_TYPES.includes(t as LetterType)) add('type', '请选择来信类型');
    else type = t as LetterType;
  }
  const title = siteError
    ? text('title', '标题', MAX_TITLE_LENGTH, false)
    : text('title', '标题', MAX_TITLE_LENGTH, true);
  const body = text('body', siteError ? '问题描述' : '内容', MAX_BODY_LENGTH, true);
  const consent = str(fields.consent);
  if (!siteError && consent !== 'yes' && consent !== 'no') add('consent', '请选择是否同意公开');
  const key = str(fields.idempotencyKey).trim();
  if (key.length > 100 || /[^\w-]/.test(key)) add('_', '提交标识有误，请刷新页面后重新填写');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    input: {
      writer: { name: name ?? '', phone, email },
      consentPublish: consent === 'yes',
      type,
      title: title ?? `网站找错：${SITE_ERROR_KINDS.find((e) => e.code === errorKind)?.label ?? ''}`,
      body: body ?? '',
      pageUrl,
      errorKind,
      idempotencyKey: key === '' ? null : key,
    },
  };
}
