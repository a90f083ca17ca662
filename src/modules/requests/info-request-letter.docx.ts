/** A letter as a Word document (.docx) in the usual official layout: title, number, body, signature. */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

const FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimHei', eastAsia: '方正小标宋简体', hAnsi: 'SimHei' };
/** 三号 = 16 pt (32 half-points), 二号 = 22 pt. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;

const para = (
  text: string,
  opts: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean } = {},
) =>
  new Paragraph({
    alignment: opts.align,
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560 },
    children: [new TextRun({ text, font: FONT, size: BODY_SIZE })],
  });

/** Builds the .docx of a letter; `signatureLines` are the last paragraphs, right-aligned. */
export async function letterDocx(letter: {
  title: string;
  number: string | null;
  body: string;
  signatureLines?: number;
}): Promise<Buffer> {
  const paragraphs = letter.body.split(/\n\s*\n/).map((p) => p.trim());
  const sign = letter.signatureLines ?? 2;
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
      children: [new TextRun({ text: letter.title, font: TITLE_FONT, size: TITLE_SIZE })],
    }),
    ...(letter.number ? [para(letter.number, { align: AlignmentType.CENTER })] : []),
    ...paragraphs.map((p, i) => {
      if (i === 0 && p.endsWith('：')) return para(p);
      if (i >= paragraphs.length - sign) return para(p, { align: AlignmentType.RIGHT });
      return para(p, { indent: true });
    }),
  ];
  const doc = new Document({ sections: [{ children }] });
  return Packer.toBuffer(doc);
}
