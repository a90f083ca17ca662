/**
 * Masking of personal data in a letter and its reply before publication (issue 13 item 1: "Published
 * replies: only with the writer's consent, personal data masked, after review"). Pure: it finds mobile and
 * landline numbers, 身份证号, e-mail addresses, bank cards, licence plates, house numbers in addresses and
 * the writer's own name, and replaces them. It is an aid: staff see the masked text and may edit it before
 * publishing; the reviewer decides (docs/interaction-letters-outputs.md).
 */

/** What was masked, for the review page ("已遮盖：手机号码 2 处"). */
export const MASK_KINDS = [
  { code: 'email', label: '电子邮箱' },
  { code: 'id_card', label: '身份证号' },
  { code: 'bank_card', label: '银行卡号' },
  { code: 'mobile', label: '手机号码' },
  { code: 'landline', label: '固定电话' },
  { code: 'plate', label: '车牌号' },
  { code: 'house', label: '门牌号' },
  { code: 'name', label: '来信人姓名' },
] as const;
export type MaskKind = (typeof MASK_KINDS)[number]['code'];

export interface MaskResult {
  text: string;
  /** How many of each kind were replaced (kinds with none are absent). */
  found: Partial<Record<MaskKind, number>>;
}

export interface MaskOptions {
  /** The writer's name (and any other names to hide), masked wherever they appear. */
  names?: readonly (string | null | undefined)[];
}

const stars = (n: number) => '*'.repeat(Math.max(n, 1));

/** Common two-character surnames: 欧阳娜娜 → 欧阳**. */
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 澹台 轩辕 西门 南宫 端木 百里 呼延 独孤 申屠 万俟 闻人 赫连 钟离 太史 公冶 东郭'.split(
    ' ',
  ),
);

/** A name masked for lists and published pages: 张三 → 张*, 张小明 → 张**, 欧阳娜娜 → 欧阳**, John Smith → J*** S****. */
export function maskName(name: string): string {
  const n = name.trim();
  if (n === '') return '';
  if (/^[A-Za-z][A-Za-z .'-]*$/.test(n))
    return n
      .split(/\s+/)
      .map((w) => `${w.slice(0, 1)}${stars(w.length - 1)}`)
      .join(' ');
  const chars = [...n];
  const keep = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, keep).join('') + stars(chars.length - keep);
}

const digitsOnly = (s: string) => s.replace(/\D/g, '');

/** Keeps `head` and `tail` digits of a digit run (separators dropped), stars in between. */
function keepEnds(raw: string, head: number, tail: number): string {
  const d = raw.replace(/[\s-]/g, '');
  if (d.length <= head + tail) return stars(d.length);
  return d.slice(0, head) + stars(d.length - head - tail) + d.slice(d.length - tail);
}

interface Rule {
  kind: MaskKind;
  pattern: RegExp;
  replace: (m: string, ...groups: string[]) => string;
}

/** Not inside a longer run of digits or letters (so parts of other numbers are left alone). */
const NB = '(?<![0-9A-Za-z])';
const NA = '(?![0-9A-Za-z])';

/** Province abbreviations of 机动车号牌 (GA 36-2018), and 使/领 plates. */
const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** Where an address's road, village or estate name ends and its house number begins. */
const ADDRESS_ANCHOR = '(?:大道|胡同|小区|花园|公寓|家园|大厦|社区|新村|路|街|巷|弄|里|村|组|苑|庄|院)';
/** A house-number part: 12号, 3栋, 2单元, 501室, 5楼, B座, 12-3号 … */
const HOUSE_PART =
  '(?:[0-9０-９]+(?:[-－—][0-9０-９]+)?|[A-Za-z])(?:号院|号楼|号|栋|幢|座|单元|楼|层|室|户|组)';

const RULES: readonly Rule[] = [
  {
    kind: 'email',
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
    replace: (m) => {
      const at = m.indexOf('@');
      return `${m.slice(0, 1)}***${m.slice(at)}`;
    },
  },
  {
    // 18-digit 身份证号 (GB 11643: 6-digit region, birth date, sequence, check digit) and the old 15-digit form.
    kind: 'id_card',
    pattern: new RegExp(
      `${NB}(?:[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]|[1-9]\\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3})${NA}`,
      'g',
    ),
    replace: (m) => m.slice(0, 4) + stars(m.length - 6) + m.slice(-2),
  },
  {
    // Bank cards: 16–19 digits, possibly grouped by spaces or hyphens.
    kind: 'bank_card',
    pattern: new RegExp(`${NB}(?:\\d{4}[ -]){3}\\d{4,7}${NA}|${NB}\\d{16,19}${NA}`, 'g'),
    replace: (m) => keepEnds(m, 4, 4),
  },
  {
    // Mobile numbers, optionally +86 and grouped 3-4-4: 138****0000.
    kind: 'mobile',
    pattern: new RegExp(`${NB}(?:\\+?86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}${NA}`, 'g'),
    replace: (m) => {
      const d = digitsOnly(m).replace(/^86(?=1\d{10}$)/, '');
      return `${d.slice(0, 3)}****${d.slice(7)}`;
    },
  },
  {
    // Landlines with an area code: 0371-12345678, (0371)1234567 → 0371-****5678.
    kind: 'landline',
    pattern: new RegExp(`${NB}(?:\\(0\\d{2,3}\\)|（0\\d{2,3}）|0\\d{2,3}[- ]?)\\d{7,8}${NA}`, 'g'),
    replace: (m) => {
      const area = /0\d{2,3}/.exec(m)?.[0] ?? '';
      const rest = digitsOnly(m).slice(area.length);
      return `${area}-${stars(rest.length - 4)}${rest.slice(-4)}`;
    },
  },
  {
    kind: 'plate',
    pattern: new RegExp(
      `[${PLATE_PROVINCES}][A-HJ-NP-Z][·•・ ]?(?=[A-HJ-NP-Z0-9]*\\d)[A-HJ-NP-Z0-9]{5,6}${NA}`,
      'g',
    ),
    replace: (m) => `${m.slice(0, 2)}${stars(m.length - 3)}${m.slice(-1)}`,
  },
  {
    // 人民路12号3栋501室 → 人民路**号; 幸福小区3栋2单元 → 幸福小区**.
    kind: 'house',
    pattern: new RegExp(`(${ADDRESS_ANCHOR})((?:${HOUSE_PART})+)`, 'g'),
    replace: (_m, anchor = '', parts = '') =>
      `${anchor}**${/^[0-9０-９－—-]+号(?!楼)/.test(parts) ? '号' : ''}`,
  },
];

/** Escapes a literal for use in a RegExp. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks personal data in `text`. Names shorter than two characters are not searched for (one character
 * would hide every occurrence of a common word); the writer's masked name is used instead of the name.
 */
export function maskPersonalData(text: string, opts: MaskOptions = {}): MaskResult {
  const found: Partial<Record<MaskKind, number>> = {};
  const count = (k: MaskKind) => {
    found[k] = (found[k] ?? 0) + 1;
  };
  let out = text;
  for (const rule of RULES)
    out = out.replace(rule.pattern, (m: string, ...rest: unknown[]) => {
      const groups = rest.filter((g): g is string => typeof g === 'string');
      const r = rule.replace(m, ...groups);
      if (r !== m) count(rule.kind);
      return r;
    });
  const names = [...new Set((opts.names ?? []).map((n) => (n ?? '').trim()))]
    .filter((n) => [...n].length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const name of names)
    out = out.replace(new RegExp(escapeRe(name), 'g'), () => {
      count('name');
      return maskName(name);
    });
  return { text: out, found };
}

/** "手机号码 2 处、来信人姓名 1 处", or '' when nothing was masked. */
export function describeMasked(found: MaskResult['found']): string {
  return MASK_KINDS.flatMap((k) => (found[k.code] ? [`${k.label} ${found[k.code]} 处`] : [])).join('、');
}

/** Adds up what several texts' masking found (title, body and reply of one letter). */
export function mergeFound(...all: MaskResult['found'][]): MaskResult['found'] {
  const out: MaskResult['found'] = {};
  for (const f of all)
    for (const [k, n] of Object.entries(f) as [MaskKind, number][]) out[k] = (out[k] ?? 0) + n;
  return out;
}
