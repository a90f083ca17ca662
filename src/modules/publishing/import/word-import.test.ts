import { describe, expect, it } from 'vitest';
import { docxFromText, seedText } from '../../../../test/support/word-import.ts';
import { guessMetadata, importWordDocument, parseDateLine } from './word-import.ts';

const lines = (n: string) => seedText(n).split(/\r?\n/);

describe('guessMetadata on the seed texts', () => {
  it.each([
    [
      '000',
      {
        title: '关于印发贯彻落实湖南省政府办公厅2022年政务公开工作要点任务分工的通知',
        docNumber: '中县政务公开〔2022〕10号',
        writtenOn: '2022-06-24',
        issuers: ['中方县政务公开政务服务工作领导小组办公室'],
      },
    ],
    [
      '001',
      { title: '道县2017年政务公开工作要点', writtenOn: '2017-05-05', issuers: ['道县人民政府办公室'] },
    ],
    [
      '002',
      {
        title: '江西省人民政府办公厅关于印发2022年江西省政务公开工作要点的通知',
        writtenOn: '2022-05-11',
        issuers: ['江西省人民政府办公厅'],
      },
    ],
    [
      '003',
      {
        title:
          '张家界市人民政府办公室关于印发《张家界市2022年政务管理服务工作要点》和《张家界市2022年政务公开工作要点》的通知',
        docNumber: '张政办发〔2022〕14号',
        writtenOn: '2022-05-19',
        issuers: ['张家界市人民政府办公室'],
      },
    ],
    [
      '004',
      {
        title: '关于印发《开福区2022年政务公开工作要点》的通知',
        docNumber: '开政务公开办发〔2022〕1号',
        writtenOn: '2022-06-01',
        issuers: ['长沙市开福区政务公开政务服务工作领导小组办公室'],
      },
    ],
  ])('seed %s', (n, expected) => {
    expect(guessMetadata(lines(n))).toEqual(expected);
  });

  it('guesses nothing from text without a title, number or date', () => {
    expect(guessMetadata(['各位同事：', '明天上午开会。'])).toEqual({ issuers: [] });
  });
});

describe('parseDateLine', () => {
  it.each([
    ['2022年5月19日', '2022-05-19'],
    ['二〇二二年五月十九日', '2022-05-19'],
    ['二〇二三年十二月三十一日', '2023-12-31'],
    ['2022-05-19', '2022-05-19'],
    ['２０２２年５月１９日', '2022-05-19'],
    ['2022519', '2022-05-19'],
    ['2022年624', '2022-06-24'],
    ['2022111', null],
    ['2022年2月30日', null],
    ['2022年是关键之年', null],
  ])('%s → %s', (line, expected) => {
    expect(parseDateLine(line)).toBe(expected);
  });
});

describe('importWordDocument', () => {
  it('turns a .docx of seed 003 into a sanitised body and the guessed metadata', async () => {
    const r = await importWordDocument(await docxFromText(seedText('003')));
    expect(r.guess.docNumber).toBe('张政办发〔2022〕14号');
    expect(r.guess.writtenOn).toBe('2022-05-19');
    expect(r.bodyHtml).toContain('<p>');
    expect(r.bodyHtml).not.toMatch(/<script/i);
  });

  it('finds the title of seed 000 in its .docx', async () => {
    const r = await importWordDocument(await docxFromText(seedText('000')));
    expect(r.guess.title).toBe('关于印发贯彻落实湖南省政府办公厅2022年政务公开工作要点任务分工的通知');
  });

  it('refuses a file that is not a .docx', async () => {
    await expect(importWordDocument(Buffer.from('not a docx'))).rejects.toThrow();
  });
});
