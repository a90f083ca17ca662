/**
 * The body of a 清理 batch's result document (“××关于公布行政规范性文件清理结果的决定”): the decision text
 * with the counts and the three catalogues generated from the decisions — 继续有效目录 (修改 items listed
 * there too, marked 拟修改, as they stay in force until the amending document), 废止目录 and 失效目录.
 * Plain HTML with <table>/<caption> markup; every value is escaped (the publishing draft sanitises it
 * again on save). The shape follows real results (corpus normative/qingli-*, interpretation/shanzhou-*).
 */

import { kindsPhrase } from './cleanup.model.ts';
import type { CleanupDecision, PolicyKind } from './policy.model.ts';

/** One decided document of the batch. */
export interface ResultItem {
  title: string;
  docNumber: string | null;
  registrationNumber: string | null;
  decision: CleanupDecision;
  reason: string | null;
}

export interface ResultInput {
  unitName: string;
  /** 依据, e.g. 《河南省行政规范性文件管理办法》. */
  basis: string | null;
  kinds: readonly PolicyKind[];
  items: readonly ResultItem[];
}

export interface ResultCounts {
  keep: number;
  amend: number;
  repeal: number;
  declareInvalid: number;
  total: number;
}

export function resultCounts(items: readonly ResultItem[]): ResultCounts {
  const n = (d: CleanupDecision) => items.filter((i) => i.decision === d).length;
  return {
    keep: n('keep'),
    amend: n('amend'),
    repeal: n('repeal'),
    declareInvalid: n('declare_invalid'),
    total: items.length,
  };
}

/** “经清理，继续有效N件，废止N件，宣布失效N件，需修改N件”. */
export function countsSentence(c: ResultCounts): string {
  return `经清理，继续有效${c.keep}件，废止${c.repeal}件，宣布失效${c.declareInvalid}件，需修改${c.amend}件`;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cell = (v: string | null) => `<td>${v ? escapeHtml(v) : '—'}</td>`;

function catalogue(
  caption: string,
  items: readonly ResultItem[],
  last: { header: string; value: (i: ResultItem) => string | null } | null,
): string {
  if (items.length === 0) return `<h2>${escapeHtml(caption)}</h2><p>无。</p>`;
  const head = ['序号', '文件名称', '文号', '登记号', ...(last ? [last.header] : [])]
    .map((h) => `<th>${h}</th>`)
    .join('');
  const rows = items
    .map(
      (i, n) =>
        `<tr><td>${n + 1}</td>${cell(i.title)}${cell(i.docNumber)}${cell(i.registrationNumber)}${
          last ? cell(last.value(i)) : ''
        }</tr>`,
    )
    .join('');
  return `<h2>${escapeHtml(caption)}</h2><table><caption>${escapeHtml(caption)}（共${items.length}件）</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The result document's body HTML. */
export function cleanupResultHtml(input: ResultInput): string {
  const c = resultCounts(input.items);
  const phrase = kindsPhrase(input.kinds);
  const basis = input.basis ? `根据${escapeHtml(input.basis)}有关规定，` : '';
  const kept = input.items.filter((i) => i.decision === 'keep' || i.decision === 'amend');
  const repealed = input.items.filter((i) => i.decision === 'repeal');
  const invalid = input.items.filter((i) => i.decision === 'declare_invalid');
  const parts = [
    `<p>${basis}${escapeHtml(input.unitName)}对${c.total}件${phrase}进行了全面清理。</p>`,
    `<p>${countsSentence(c)}，现予以公布。决定废止和宣布失效的${phrase}，自本决定公布之日起停止执行，不再作为行政管理的依据；需修改的${phrase}在修改前继续有效，由制定机关按规定程序修改。</p>`,
    catalogue('继续有效目录', kept, {
      header: '备注',
      value: (i) => (i.decision === 'amend' ? `拟修改${i.reason ? `：${i.reason}` : ''}` : null),
    }),
    catalogue('废止目录', repealed, { header: '废止理由', value: (i) => i.reason }),
    catalogue('失效目录', invalid, { header: '失效理由', value: (i) => i.reason }),
    `<p>${escapeHtml(input.unitName)}</p>`,
  ];
  return parts.join('\n');
}
