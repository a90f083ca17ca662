import { describe, expect, it } from 'vitest';
import { kindsPhrase, resultTitle } from './cleanup.model.ts';
import { cleanupResultHtml, countsSentence, type ResultItem, resultCounts } from './cleanup-result.ts';

const item = (title: string, decision: ResultItem['decision'], reason: string | null = null): ResultItem => ({
  title,
  docNumber: `${title}号`,
  registrationNumber: `REG-${title}`,
  decision,
  reason,
});

/** The rows of the catalogue captioned `name`: each row's cells, tags removed. */
function catalogue(html: string, name: string): string[][] {
  const table = new RegExp(`<table><caption>${name}[^<]*</caption>(.*?)</table>`).exec(html)?.[1] ?? '';
  const body = /<tbody>(.*)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!),
  );
}

describe('the 清理 result document', () => {
  const items = [
    item('甲', 'keep'),
    item('乙', 'amend', '与新规不一致'),
    item('丙', 'repeal', '上位法已废止'),
    item('丁', 'declare_invalid', '任务已完成'),
    item('戊', 'repeal', '调整对象已消失'),
  ];
  const html = cleanupResultHtml({
    unitName: '某县人民政府',
    basis: '《某省行政规范性文件管理办法》',
    kinds: ['normative'],
    items,
  });

  it('states the counts in the decision text', () => {
    expect(countsSentence(resultCounts(items))).toBe('经清理，继续有效1件，废止2件，宣布失效1件，需修改1件');
    expect(html).toContain(
      '根据《某省行政规范性文件管理办法》有关规定，某县人民政府对5件行政规范性文件进行了全面清理',
    );
    expect(html).toContain('经清理，继续有效1件，废止2件，宣布失效1件，需修改1件，现予以公布');
  });

  it('lists each document in its catalogue; 修改 in 继续有效目录 marked 拟修改; reasons for 废止 and 失效', () => {
    expect(catalogue(html, '继续有效目录')).toEqual([
      ['1', '甲', '甲号', 'REG-甲', '—'],
      ['2', '乙', '乙号', 'REG-乙', '拟修改：与新规不一致'],
    ]);
    expect(catalogue(html, '废止目录')).toEqual([
      ['1', '丙', '丙号', 'REG-丙', '上位法已废止'],
      ['2', '戊', '戊号', 'REG-戊', '调整对象已消失'],
    ]);
    expect(catalogue(html, '失效目录')).toEqual([['1', '丁', '丁号', 'REG-丁', '任务已完成']]);
    expect(html).toContain('<th>序号</th><th>文件名称</th><th>文号</th><th>登记号</th><th>废止理由</th>');
  });

  it('escapes every value and says 无 for an empty catalogue', () => {
    const evil = cleanupResultHtml({
      unitName: '县<script>',
      basis: null,
      kinds: ['normative'],
      items: [item('<b>x</b>&"', 'keep')],
    });
    expect(evil).not.toContain('<script>');
    expect(evil).not.toContain('<b>x</b>');
    expect(evil).toContain('&lt;b&gt;x&lt;/b&gt;&amp;&quot;');
    expect(evil).toContain('<h2>废止目录</h2><p>无。</p>');
    expect(evil).not.toContain('根据');
  });

  it('titles the result after the kinds it covers', () => {
    expect(resultTitle('某县人民政府', ['normative'])).toBe(
      '某县人民政府关于公布行政规范性文件清理结果的决定',
    );
    expect(kindsPhrase(['normative', 'regulation'])).toBe('规章和行政规范性文件');
    expect(kindsPhrase(['policy', 'regulation', 'normative'])).toBe('规章、行政规范性文件和其他政策文件');
  });
});
