/** Case page: the applicant, masked unless revealed (audited) or shown to the case's handler. */
import { SummaryList } from '../../../http/views/components.tsx';
import {
  APPLICANT_KIND_LABELS,
  type ApplicantKind,
  ID_TYPE_LABELS,
  REPORT_CATEGORY_LABELS,
  type ReportCategory,
} from '../info-request.model.ts';
import { maskApplicant } from '../info-request.service.ts';
import type { CaseView } from '../info-request-case-view.service.ts';

export function ApplicantSection({ v }: { v: CaseView }) {
  const a = v.showApplicant ? v.applicant : maskApplicant(v.applicant);
  const kind = v.row.applicant_kind as ApplicantKind;
  const category = `${APPLICANT_KIND_LABELS[kind]}（${REPORT_CATEGORY_LABELS[v.row.report_category as ReportCategory]}）`;
  if (v.row.applicant_erased_on) {
    return (
      <>
        <h2>申请人</h2>
        <p>
          <strong>申请人信息已按保存期限清除（{v.row.applicant_erased_on}）</strong>
        </p>
        <SummaryList rows={[['申请人类型', category]]} />
      </>
    );
  }
  return (
    <>
      <h2>申请人</h2>
      <p>
        {v.showApplicant ? (
          <a href={`/admin/requests/${v.row.id}`}>隐藏个人信息</a>
        ) : (
          <a href={`/admin/requests/${v.row.id}?show=1`}>显示完整个人信息（将记入审计日志）</a>
        )}
      </p>
      <SummaryList
        rows={[
          ['申请人类型', category],
          ['姓名或名称', a.name],
          ...(kind === 'citizen'
            ? ([
                ['证件', `${a.idType ? ID_TYPE_LABELS[a.idType] : ''} ${a.idNumber ?? ''}`],
                ['工作单位', a.workUnit],
              ] as [string, string | null][])
            : ([
                ['统一社会信用代码', a.creditCode],
                ['法定代表人', a.legalRepresentative],
                ['联系人', a.contactName],
              ] as [string, string | null][])),
          ['通信地址', a.address],
          ['邮政编码', a.postcode],
          ['联系电话', a.phone],
          ['电子邮箱', a.email],
          [
            '身份证明扫描件',
            v.files.length ? (
              <ul>
                {v.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/admin/requests/files/${f.id}`}>{f.file_name}</a>
                  </li>
                ))}
              </ul>
            ) : null,
          ],
        ]}
      />
    </>
  );
}
