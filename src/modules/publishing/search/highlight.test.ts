import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './highlight.ts';

describe('highlight', () => {
  it('escapes the text before marking matches', () => {
    expect(highlight('<b>低保</b> & 低保', ['低保'])).toBe(
      '&lt;b&gt;<mark>低保</mark>&lt;/b&gt; &amp; <mark>低保</mark>',
    );
  });
  it('prefers the longest term and ignores case', () => {
    expect(highlight('乡村振兴 GDP', ['乡村', '乡村振兴', 'gdp'])).toBe(
      '<mark>乡村振兴</mark> <mark>GDP</mark>',
    );
  });
  it('cuts a window around the first match', () => {
    const text = `${'甲'.repeat(200)}低保${'乙'.repeat(200)}`;
    const s = snippet(text, ['低保'], 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>低保</mark>');
  });
});
