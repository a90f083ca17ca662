/**
 * The 意见采纳情况反馈 as data and as the body of its 主动公开 document (pure): the counts, then one row per
 * decided comment, or per group of similar comments decided together — 序号 / 反馈人 (masked, 朱**) /
 * 意见内容 / 是否采纳 / 理由 — as the real 采纳反馈 pages publish them (corpus/interaction/fankui-*).
 */
import { ADOPTION_LABELS, type Adoption } from './consultation.model.ts';

export interface FeedbackComment {
  id: number;
  state: string;
  articleNumber: string | null;
  nameMasked: string | null;
  body: string;
  adoption: Adoption | null;
  reason: string | null;
  group: number | null;
}

export interface FeedbackRow {
  no: number;
  people: string;
  content: string;
  adoption: Adoption;
  reason: string;
  commentIds: number[];
}

export interface FeedbackReport {
  received: number;
  hidden: number;
  shown: number;
  counts: Record<Adoption, number>;
  rows: FeedbackRow[];
}

/** Why the report cannot be generated yet (empty = it can). */
export function feedbackProblems(comments: readonly FeedbackComment[]): string[] {
  const problems: string[] = [];
  const pending = comments.filter((c) => c.state === 'pending').length;
  if (pending) problems.push(`还有 ${pending} 条意见待审核`);
  const undecided = comments.filter((c) => c.state === 'shown' && c.adoption === null).length;
  if (undecided) problems.push(`还有 ${undecided} 条已显示的意见未记录采纳情况`);
  return problems;
}

const ANONYMOUS = '匿名';

/** The report of the decided, shown comments (groups in the order of their first comment). */
export function buildFeedbackReport(comments: readonly FeedbackComment[]): FeedbackReport {
  const shown = comments.filter((c) => c.state === 'shown' && c.adoption !== null);
  const counts: Record<Adoption, number> = { adopted: 0, partly: 0, rejected: 0 };
  const rows: FeedbackRow[] = [];
  const byGroup = new Map<number, FeedbackRow>();
  for (const c of shown) {
    counts[c.adoption!]++;
    const content = c.articleNumber ? `（${c.articleNumber}）${c.body}` : c.body;
    const person = c.nameMasked ?? ANONYMOUS;
    const existing = c.group === null ? undefined : byGroup.get(c.group);
    if (existing) {
      existing.people = `${existing.people}、${person}`;
      existing.content = `${existing.content}\n${content}`;
      existing.commentIds.push(c.id);
      continue;
    }
    const row: FeedbackRow = {
      no: rows.length + 1,
      people: person,
      content,
      adoption: c.adoption!,
      reason: c.reason ?? '',
      commentIds: [c.id],
    };
    rows.push(row);
    if (c.group !== null) byGroup.set(c.group, row);
  }
  const hidden = comments.filter((c) => c.state === 'hidden').length;
  return { received: comments.length, hidden, shown: shown.length, counts, rows };
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
const cell = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

/** The feedback document's body: the opening sentence with the counts, the table, the closing line. */
export function feedbackBodyHtml(p: {
  unitName: string;
  title: string;
  opensOn: string;
  closesOn: string;
  report: FeedbackReport;
}): string {
  const r = p.report;
  const opening =
    `${p.unitName}于${p.opensOn}至${p.closesOn}就《${p.title}》公开征求社会公众意见，共收到意见${r.received}条` +
    (r.hidden ? `（其中${r.hidden}条因与征集内容无关等原因不予显示）` : '') +
    `；对${r.shown}条意见逐条研究，采纳${r.counts.adopted}条、部分采纳${r.counts.partly}条、未采纳${r.counts.rejected}条。` +
    '现将意见采纳情况反馈如下：';
  const rows = r.rows
    .map(
      (row) =>
        `<tr><td>${row.no}</td><td>${cell(row.people)}</td><td>${cell(row.content)}</td><td>${ADOPTION_LABELS[row.adoption]}</td><td>${cell(row.reason || '—')}</td></tr>`,
    )
    .join('');
  const table = r.rows.length
    ? `<table><thead><tr><th>序号</th><th>反馈人</th><th>意见内容</th><th>是否采纳</th><th>理由</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>征集期间未收到需要反馈的意见。</p>';
  return `<p>${escapeHtml(opening)}</p>${table}<p>感谢社会各界的关心和支持。</p>`;
}
