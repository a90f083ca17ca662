/** The page the PDF download answers with (503) when the server has no CJK font: never boxes. */

import type { ViewContext } from '../../../http/view-context.ts';
import { PublicLayout } from '../../../http/views/layouts.tsx';

export function PdfFontMissingPage({
  ctx,
  title,
  docxHref,
}: {
  ctx: ViewContext;
  title: string;
  docxHref: string;
}) {
  return (
    <PublicLayout ctx={ctx} title="暂不能生成 PDF">
      <h1>暂不能生成 PDF</h1>
      <p>
        服务器未安装中文字体（fonts-noto-cjk），无法生成能正确显示中文的 PDF
        文件。请联系网站管理员安装该字体。
      </p>
      <p>
        您可以先下载 Word 版：<a href={docxHref}>《{title}》（.docx）</a>
      </p>
    </PublicLayout>
  );
}
