import { describe, expect, it } from 'vitest';
import { isSafeUrl, sanitiseHtml } from './html-sanitiser.ts';

describe('sanitiseHtml', () => {
  it('keeps mammoth-style markup', () => {
    const html =
      '<h1>通知</h1><p><strong>各乡镇</strong>：</p><ol start="2"><li>一</li></ol><table><tr><td colspan="2">甲</td></tr></table>';
    expect(sanitiseHtml(html)).toBe(html);
  });

  it.each([
    ['<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['<style>p{}</style><p>x</p>', '<p>x</p>'],
    ['<p onclick="x()" style="color:red" class="c">x</p>', '<p>x</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="java\tscript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a>x</a>'],
    ['<img src="data:text/html;base64,PHA+">', '<img>'],
    ['<iframe src="https://x.gov.cn"></iframe><p>y</p>', '<p>y</p>'],
    ['<font color="red">x</font>', 'x'],
    ['<!-- c --><p>1 &lt; 2</p>', '<p>1 &lt; 2</p>'],
    ['<p>a < b</p>', '<p>a &lt; b</p>'],
    ['<img src=x onerror=alert(1)>', '<img src="x">'],
    ['<td colspan="2;evil">x</td>', '<td>x</td>'],
    [
      '<a href="https://www.gov.cn/?a=1&amp;b=&quot;2">x</a>',
      '<a href="https://www.gov.cn/?a=1&amp;b=&quot;2">x</a>',
    ],
  ])('sanitises %s', (input, output) => {
    expect(sanitiseHtml(input)).toBe(output);
  });

  it('keeps inline raster images and safe links', () => {
    expect(sanitiseHtml('<img src="data:image/png;base64,iVBORw0K" alt="图">')).toBe(
      '<img src="data:image/png;base64,iVBORw0K" alt="图">',
    );
    expect(isSafeUrl('/gkml/1.html', 'a')).toBe(true);
    expect(isSafeUrl('mailto:gkb@x.gov.cn', 'a')).toBe(true);
    expect(isSafeUrl('vbscript:x', 'a')).toBe(false);
  });

  it('is idempotent', () => {
    const once = sanitiseHtml('<p title="a">x &amp; y<b onmouseover=1>z</b><br/></p>');
    expect(sanitiseHtml(once)).toBe(once);
  });
});
