import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { checkUpload, contentKinds, formatBytes } from './file-types.ts';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

async function docx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('测试')] }] }));
}
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('a').addRow(['x']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('content sniffing', () => {
  it('recognises formats by their first bytes and ZIP entries', async () => {
    expect(contentKinds(PDF)).toEqual(['pdf']);
    expect(contentKinds(PNG)).toEqual(['png']);
    expect(contentKinds(JPG)).toEqual(['jpg']);
    expect(contentKinds(OLE)).toEqual(['doc', 'xls', 'wps', 'et']);
    expect(contentKinds(await docx())).toEqual(['zip', 'docx']);
    expect(contentKinds(await xlsx())).toEqual(['zip', 'xlsx']);
    expect(contentKinds(Buffer.from('一、总体要求\n'))).toEqual(['txt']);
    expect(contentKinds(EXE)).toEqual([]);
  });
});

describe('checkUpload', () => {
  const rule = { allowed: ['pdf', 'docx', 'jpg', 'png'] as const, maxBytes: 1024 };
  it('accepts a file whose content matches its extension', async () => {
    expect(checkUpload('file', '附件', 'a.PDF', PDF, rule)).toBe('pdf');
    expect(checkUpload('file', '附件', '照片.jpeg', JPG, rule)).toBe('jpg');
    expect(checkUpload('file', '附件', 'x.docx', await docx(), { ...rule, maxBytes: 1e6 })).toBe('docx');
  });
  it.each([
    ['virus.exe', EXE, '类型不受支持'],
    ['renamed.pdf', EXE, '内容与扩展名 .pdf 不符'],
    ['image.png', JPG, '内容与扩展名 .png 不符'],
    ['empty.pdf', Buffer.alloc(0), '空文件'],
    ['big.pdf', Buffer.concat([PDF, Buffer.alloc(2000)]), '超过大小上限 1 KB'],
  ])('refuses %s with a message naming the field', (name, content, message) => {
    try {
      checkUpload('file', '附件', name, content, rule);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const p = (e as AppError).problems[0]!;
      expect(p.field).toBe('file');
      expect(p.message).toMatch(/^附件：/);
      expect(p.message).toContain(message);
    }
  });
  it('formats sizes in Chinese', () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1536)).toBe('2 KB');
  });
});
