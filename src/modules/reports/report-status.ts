/**
 * Where a unit's report for a year stands, for the editor and the dashboard. The report row says whether
 * it was started and sent; once sent, the state of its publishing document says the rest (a document
 * returned to 草稿 by a reviewer makes the report 退回修改, editable again). 逾期 is added by the deadline.
 */
export const REPORT_STATUSES = ['not_started', 'draft', 'in_review', 'returned', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  not_started: '未开始',
  draft: '草稿',
  in_review: '审核中',
  returned: '退回修改',
  published: '已发布',
};

/** Stored values of annual_reports.status. */
export type StoredStatus = 'draft' | 'submitted' | 'published';

export function reportStatus(
  row: { status: string } | undefined | null,
  documentState: string | null,
): ReportStatus {
  if (!row) return 'not_started';
  if (row.status === 'published') return 'published';
  if (row.status === 'submitted') {
    if (documentState === 'published') return 'published';
    if (documentState === 'draft' || documentState === null || documentState === 'withheld')
      return 'returned';
    return 'in_review';
  }
  return 'draft';
}

/** The sections may be edited and the figures are live. */
export function isEditable(status: ReportStatus): boolean {
  return status === 'draft' || status === 'returned';
}
