import { describe, expect, it } from 'vitest';
import { isInterpretationMaterial, threeSyncMessage } from './interpretation-checks.ts';

describe('三同步 helpers', () => {
  it.each([
    ['《示范县农村低保管理办法》政策解读.pdf', true],
    ['一图读懂：农村低保.png', true],
    ['图解低保办法.jpg', true],
    ['低保办法问答.docx', true],
    ['县民政局负责人答记者问.docx', true],
    ['附件1 申请表.pdf', false],
    ['低保办法.pdf', false],
  ])('%s is a 解读 material: %s', (name, expected) => {
    expect(isInterpretationMaterial(name)).toBe(expected);
  });

  it('names the kind and each of the four ways to satisfy the check', () => {
    const m = threeSyncMessage('regulation');
    expect(m).toContain('规章须同步解读');
    for (const part of ['（一）解读方案', '（二）解读材料', '（三）政策解读', '（四）无需解读的理由'])
      expect(m).toContain(part);
  });
});
