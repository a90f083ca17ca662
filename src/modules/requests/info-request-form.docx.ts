/** The blank 政府信息公开申请表 (.docx) offered on each unit's 申请指南 for written applications. */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const text = (t: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text: t, font: FONT, size: 24, bold })] });
const cell = (t: string, opts: { span?: number; bold?: boolean; width?: number } = {}) =>
  new TableCell({
    columnSpan: opts.span,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    children: [text(t, opts.bold)],
  });
const row = (...cells: TableCell[]) => new TableRow({ children: cells });

/** The form for `unitName` with every item of 条例 第二十九条. */
export async function applicationFormDocx(unitName: string): Promise<Buffer> {
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(cell('申请人信息', { span: 4, bold: true })),
      row(cell('公民', { bold: true, width: 20 }), cell('姓名', { width: 20 }), cell('', { span: 2 })),
      row(cell(''), cell('证件类型'), cell('', { span: 2 })),
      row(cell(''), cell('证件号码'), cell('', { span: 2 })),
      row(cell(''), cell('工作单位'), cell('', { span: 2 })),
      row(cell('法人或其他组织', { bold: true }), cell('名称'), cell('', { span: 2 })),
      row(cell(''), cell('统一社会信用代码'), cell('', { span: 2 })),
      row(cell(''), cell('法定代表人'), cell('', { span: 2 })),
      row(cell(''), cell('联系人'), cell('', { span: 2 })),
      row(cell(''), cell('类别'), cell('□商业企业 □科研机构 □社会公益组织 □法律服务机构 □其他', { span: 2 })),
      row(cell('联系方式', { bold: true }), cell('通信地址'), cell('', { span: 2 })),
      row(cell(''), cell('邮政编码'), cell('', { span: 2 })),
      row(cell(''), cell('联系电话'), cell('', { span: 2 })),
      row(cell(''), cell('电子邮箱'), cell('', { span: 2 })),
      row(cell('所需信息', { span: 4, bold: true })),
      row(cell('信息名称'), cell('', { span: 3 })),
      row(cell('文号'), cell('', { span: 3 })),
      row(cell('所需信息的描述'), cell('\n\n\n', { span: 3 })),
      row(
        cell('获取信息的方式'),
        cell('□自行领取 □当场阅读、抄录 □邮寄 □电子邮件 □传真 □网上获取', { span: 3 }),
      ),
      row(cell('信息的载体形式'), cell('□纸质 □电子文件 □光盘', { span: 3 })),
      row(cell('申请人签名或盖章'), cell(''), cell('申请日期'), cell('')),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: `${unitName}政府信息公开申请表`, font: FONT, size: 36, bold: true }),
            ],
          }),
          table,
          text(
            '说明：所需信息的名称、文号、描述至少填写一项（《中华人民共和国政府信息公开条例》第二十九条）。请附身份证明复印件。',
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
