import { describe, expect, it } from 'vitest';
import { collapseUnchanged, type DiffPart, diffPolicyTexts, splitSentences } from './interpretation-diff.ts';

describe('splitSentences', () => {
  it('splits after 。！？； keeping the mark and a closing quote, folds whitespace, drops blank lines', () => {
    expect(
      splitSentences(
        '第一条 为了规范管理，制定本办法。第二条 本办法所称“补贴”是指……；\n\n  第三条 如何申请？',
      ),
    ).toEqual(['第一条 为了规范管理，制定本办法。', '第二条 本办法所称“补贴”是指……；', '第三条 如何申请？']);
    expect(splitSentences('他说：“按期办理。”然后离开。')).toEqual(['他说：“按期办理。”', '然后离开。']);
    expect(splitSentences('标题行\n第一段  换行\n')).toEqual(['标题行', '第一段 换行']);
    expect(splitSentences('')).toEqual([]);
  });
});

describe('diffPolicyTexts', () => {
  it('marks the sentences removed and added between the editions', () => {
    const d = diffPolicyTexts(
      '<p>第一条 补贴标准为每人每月300元。第二条 每季度发放。</p>',
      '<p>第一条 补贴标准为每人每月350元。第二条 每季度发放。</p><p>第三条 本办法自2026年4月1日起施行。</p>',
    );
    expect(d.parts).toEqual([
      { kind: 'removed', text: '第一条 补贴标准为每人每月300元。' },
      { kind: 'added', text: '第一条 补贴标准为每人每月350元。' },
      { kind: 'same', text: '第二条 每季度发放。' },
      { kind: 'added', text: '第三条 本办法自2026年4月1日起施行。' },
    ]);
    expect([d.added, d.removed, d.truncated]).toEqual([2, 1, false]);
  });

  it('leaves out long unchanged runs, keeping one sentence of context around each change', () => {
    const same = (t: string): DiffPart => ({ kind: 'same', text: t });
    const parts: DiffPart[] = [
      same('一'),
      same('二'),
      same('三'),
      { kind: 'added', text: '新' },
      same('四'),
      same('五'),
      same('六'),
    ];
    expect(collapseUnchanged(parts)).toEqual([
      { kind: 'omitted', count: 2 },
      same('三'),
      { kind: 'added', text: '新' },
      same('四'),
      { kind: 'omitted', count: 2 },
    ]);
    expect(collapseUnchanged([same('一'), same('二')])).toEqual([{ kind: 'omitted', count: 2 }]);
  });

  it('caps long texts and says so', () => {
    const long = `<p>${'第一条 内容。'.repeat(100)}</p>`;
    const d = diffPolicyTexts(long, `${long}<p>新增一句。</p>`, 50);
    expect(d.truncated).toBe(true);
    expect(d.parts.every((p) => p.kind === 'omitted' || p.text.length <= 50)).toBe(true);
    expect(d.added + d.removed).toBe(0);
  });
});
