import { describe, expect, it } from 'vitest';
import { decodeEntities, extractLinks, htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it('puts block elements on their own lines and drops tags, scripts and comments', () => {
    const text = htmlToText('<p>秘密</p><p>正文<b>加粗</b><br>下一行</p><script>x()</script><!-- 机密★ -->');
    expect(text.split('\n').filter((l) => l !== '')).toEqual(['秘密', '正文加粗', '下一行']);
  });

  it('decodes entities', () => {
    expect(decodeEntities('A&amp;B&nbsp;&lt;&#x4E2D;&#25991;&gt; &unknown; &#0;')).toBe(
      'A&B <中文> &unknown; &#0;',
    );
  });
});

describe('extractLinks', () => {
  it('reads quoted and unquoted href and src values', () => {
    const html = `<a href="/a?x=1&amp;y=2">a</a><img alt="x" src='b.png'><a target=_blank href=http://c.cn/>c</a><p data-href="no">`;
    expect(extractLinks(html)).toEqual(['/a?x=1&y=2', 'b.png', 'http://c.cn/']);
  });
});
