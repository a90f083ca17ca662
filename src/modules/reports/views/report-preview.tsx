/** The report in its official layout (preview), the public download links, and the page when no PDF can be made. */
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Notice } from '../../../http/views/components.tsx';
import { AdminLayout, PublicLayout } from '../../../http/views/layouts.tsx';
import { sanitiseHtml } from '../../publishing/documents/html-sanitiser.ts';
import { reportTitle } from '../report.model.ts';
import type { ReportView } from '../report.service.ts';
import { REPORT_STATUS_LABELS } from '../report-status.ts';
import { reportPath } from './report-editor.tsx';

export function ReportPreviewPage(p: { ctx: ViewContext; view: ReportView; bodyHtml: string }) {
  const v = p.view;
  const title = reportTitle(v.unit.name, v.year);
  return (
    <AdminLayout ctx={p.ctx} title={`预览 · ${title}`}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: '/admin/reports', label: '年度报告' },
          { href: reportPath(v.unit.id, v.year), label: title },
          { label: '预览' },
        ]}
      />
      <h1>{title}</h1>
      <Notice kind="info">
        预览（{REPORT_STATUS_LABELS[v.status]}）：这是报告发布后的版式。
        <a href={`${reportPath(v.unit.id, v.year)}/report.docx`}>下载 Word</a> ·{' '}
        <a href={`${reportPath(v.unit.id, v.year)}/report.pdf`}>下载 PDF</a>
      </Notice>
      <div class="document-body" dangerouslySetInnerHTML={{ __html: sanitiseHtml(p.bodyHtml) }} />
    </AdminLayout>
  );
}

/** The download links under a published report's public page. */
export function ReportDownloadsPanel({ reportId }: { reportId: number }) {
  return (
    <section class="report-downloads" aria-labelledby="report-downloads-h">
      <h2 id="report-downloads-h">下载报告</h2>
      <ul>
        <li>
          <a href={`/reports/${reportId}/report.docx`}>Word 版（.docx）</a>
        </li>
        <li>
          <a href={`/reports/${reportId}/report.pdf`}>PDF 版</a>
        </li>
      </ul>
    </section>
  );
}

export function PdfUnavailablePage(p: {
  ctx: ViewContext;
  title: string;
  docxHref: string;
  publicPage: boolean;
}) {
  const Layout = p.publicPage ? PublicLayout : AdminLayout;
  return (
    <Layout ctx={p.ctx} title={`暂无 PDF · ${p.title}`}>
      <h1>暂时无法生成 PDF</h1>
      <p>服务器未安装中文字体，暂时无法生成 PDF 版。</p>
      <p>
        <a href={p.docxHref}>下载 Word 版（.docx）</a>
      </p>
    </Layout>
  );
}
