import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validIdNumber } from '../checks/test-numbers.ts';
import { extractAttachmentText } from './attachment-text.ts';

const ID = validIdNumber('43122119900307123');

async function buildDocx(lines: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }],
  });
  return Packer.toBuffer(doc);
}

async function buildXlsx(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const first = book.addWorksheet('名单');
  first.addRow(['姓名', '身份证号', '补贴金额']);
  first.addRow(['张三', ID, 1200]);
  const second = book.addWorksheet('说明');
  second.getCell('A1').value = { richText: [{ text: '联系' }, { text: '电话' }] };
  second.getCell('B2').value = { formula: '1+1', result: 2 };
  second.getCell('C3').value = { text: '县政府网站', hyperlink: 'https://www.zhongfang.gov.cn/' };
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('extractAttachmentText', () => {
  it('reads the paragraphs of a .docx', async () => {
    const text = await extractAttachmentText(
      '名单.DOCX',
      await buildDocx(['补贴发放名单', `身份证号：${ID}`]),
    );
    expect(text).toContain('补贴发放名单');
    expect(text).toContain(ID);
  });

  it('reads every sheet of an .xlsx, including rich text, formula results and hyperlinks', async () => {
    const text = await extractAttachmentText('名单.xlsx', await buildXlsx());
    expect(text?.split('\n')).toEqual([
      '姓名\t身份证号\t补贴金额',
      `张三\t${ID}\t1200`,
      '',
      '联系电话',
      '2',
      '县政府网站',
    ]);
  });

  it('returns null for types it cannot read', async () => {
    expect(await extractAttachmentText('扫描件.pdf', Buffer.from('%PDF-1.4'))).toBeNull();
    expect(await extractAttachmentText('README', Buffer.from('x'))).toBeNull();
  });

  it('rejects a file that is not what its name says', async () => {
    await expect(extractAttachmentText('坏文件.docx', Buffer.from('not a zip'))).rejects.toThrow();
  });
});
