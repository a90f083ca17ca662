/** The quarterly bulletin (一季度一通报) as a Word document (.docx, `docx` package). */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type BulletinDocument, bulletinTaskNote, bulletinTitle } from './task-bulletin.ts';

const FONT = 'FangSong';

const text = (s: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text: s, bold, font: FONT, size: 28 })] });

const heading = (s: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: s, font: 'SimHei' })] });

function table(head: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map((c) => new TableCell({ children: [text(c, bold)] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(head, true), ...rows.map((r) => row(r, false))],
  });
}

const list = (items: string[], empty: string) =>
  items.length === 0 ? [text(empty)] : items.map((s, i) => text(`${i + 1}. ${s}`));

/** 附：政策解读情况, when the policies module supplied it. */
function interpretationSection(doc: BulletinDocument): (Paragraph | Table)[] {
  const i = doc.interpretation;
  if (!i) return [];
  return [
    heading('附：政策解读情况'),
    i.lines.length === 0
      ? text('本季度各单位没有须同步解读的规章、行政规范性文件。')
      : table(
          ['单位', '须解读文件', '解读率', '及时率', '解读率是否达标'],
          i.lines.map((l) => [
            l.unitName,
            String(l.policies),
            l.rateText,
            l.timelinessText,
            l.rateMet === null ? '—' : l.rateMet ? '达标' : '未达标',
          ]),
        ),
    ...i.rules.map((r) => text(r)),
  ];
}

/** Builds the .docx: title, the as-of note of a running quarter, formula, per-unit table, overdue and
 * not-yet-due tasks, stale, good and poor cases. */
export async function buildBulletinDocx(doc: BulletinDocument): Promise<Buffer> {
  const b = doc.bulletin;
  const title = bulletinTitle(doc.ownerName, b.year, b.quarter);
  const document = new Document({
    title,
    creator: doc.ownerName,
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: title, bold: true, font: 'SimSun', size: 36 })],
          }),
          ...(b.asOfNote ? [text(`${b.asOfNote}。`, true)] : []),
          text(`统计期间：${b.start} 至 ${b.end}${b.ended ? '' : `（数据截至 ${b.asOf}）`}。${b.formula}。`),
          heading('一、各单位完成情况'),
          table(
            ['单位', '应完成', '已完成', '完成率', '逾期', '逾期后完成', '采纳报告'],
            b.units.map((u) => [
              u.unitName,
              String(u.assigned),
              String(u.done),
              u.rateText,
              String(u.overdue),
              String(u.lateDone),
              String(u.acceptedReports),
            ]),
          ),
          heading('二、逾期未完成任务'),
          ...list(
            b.overdueTasks.map((t) => `${t.number} ${t.title}${bulletinTaskNote(t)}`),
            '本季度无逾期未完成任务。',
          ),
          ...(b.notYetDue.length
            ? [
                text(`本季度内尚未到期的任务（截至 ${b.asOf}，不计为逾期）：`, true),
                ...list(
                  b.notYetDue.map((t) => `${t.number} ${t.title}${bulletinTaskNote(t)}`),
                  '',
                ),
              ]
            : []),
          heading('三、久未报送进展'),
          ...list(
            doc.stale.map((s) => `${s.unitName}：${s.reason}`),
            '本季度各单位均按时报送进展。',
          ),
          heading('四、表扬'),
          ...list(
            b.goodCases.map((c) => `${c.unitName}：${c.reason}`),
            '本季度无。',
          ),
          heading('五、通报批评与督促整改'),
          ...list(
            b.poorCases.map((c) => `${c.unitName}：${c.reason}`),
            '本季度无。',
          ),
          ...interpretationSection(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
