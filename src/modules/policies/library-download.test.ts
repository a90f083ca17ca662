/** The body of a download version: sanitised HTML as paragraphs and tables. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyBlocks, findCjkFont, safeFileName } from './library-download.ts';

describe('bodyBlocks', () => {
  it('paragraphs, headings, list items and tables in order; entities decoded, <br> splits nothing inside a cell', () => {
    const html =
      '<h2>第一章 总则</h2><p>第一条&nbsp;为了规范管理，<strong>制定</strong>本办法。</p>' +
      '<ul><li>（一）资产清查；</li><li>（二）台账管理。</li></ul>' +
      '<table><thead><tr><th>项目</th><th>标准</th></tr></thead><tbody><tr><td>补贴<br>标准</td><td>&lt;500元&gt;</td></tr></tbody></table>' +
      '附件：申请表';
    expect(bodyBlocks(html)).toEqual([
      { type: 'paragraph', text: '第一章 总则', heading: true },
      { type: 'paragraph', text: '第一条 为了规范管理，制定本办法。', heading: false },
      { type: 'paragraph', text: '（一）资产清查；', heading: false },
      { type: 'paragraph', text: '（二）台账管理。', heading: false },
      {
        type: 'table',
        rows: [
          ['项目', '标准'],
          ['补贴\n标准', '<500元>'],
        ],
      },
      { type: 'paragraph', text: '附件：申请表' },
    ]);
  });

  it('plain text with line breaks becomes one paragraph per line; empty paragraphs are dropped', () => {
    expect(bodyBlocks('第一行<br/>第二行<p> </p><p>&#x7b2c;&#19977;行</p>')).toEqual([
      { type: 'paragraph', text: '第一行' },
      { type: 'paragraph', text: '第二行' },
      { type: 'paragraph', text: '第三行', heading: false },
    ]);
  });
});

describe('safeFileName', () => {
  it('replaces characters file systems refuse and never returns an empty name', () => {
    expect(safeFileName('关于印发《a/b:c》的通知')).toBe('关于印发《a_b_c》的通知');
    expect(safeFileName('  ')).toBe('文件');
  });
});

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

describe('findCjkFont', () => {
  // fonts-noto-cjk is installed for the tests (scripts/test-all.sh); without it this test is skipped.
  it.skipIf(!existsSync(NOTO))(
    'takes the first known path that exists, with the SC face of the collection',
    () => {
      expect(findCjkFont(['/nonexistent/font.ttc', NOTO])).toEqual({
        path: NOTO,
        face: 'NotoSansCJKsc-Regular',
      });
    },
  );
});
