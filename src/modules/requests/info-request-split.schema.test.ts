import { describe, expect, it } from 'vitest';
import { splitSchema } from './info-request-split.schema.ts';

const problems = (raw: Record<string, string>) => {
  const r = splitSchema.safeParse({ version: 'v1', ...raw });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('split form (一事一申请)', () => {
  it.each([
    [{ item1Name: '甲' }, 'item2Description', '拆分至少需要两项'],
    [{ item2Name: '乙', item3Name: '丙' }, 'item1Description', '第 1 项（继续在本申请中办理）'],
    [{ item1Name: '甲', item2Name: '甲' }, 'item2Description', '与前面的一项相同'],
    [{ item1Name: '甲', item2Name: '乙'.repeat(201) }, 'item2Name', '第 2 项的所需信息名称不能超过 200 个字'],
    [{ item1Name: '甲', item2Description: '乙'.repeat(2001) }, 'item2Description', '不能超过 2000 个字'],
  ])('%o → %s: %s', (raw, field, message) => {
    expect(problems(raw)[field]).toContain(message);
  });

  it('requires the version the form was shown with', () => {
    const r = splitSchema.safeParse({ item1Name: '甲', item2Name: '乙' });
    expect(r.success).toBe(false);
  });

  it('keeps item 1 first, skips empty fieldsets and trims', () => {
    const r = splitSchema.parse({
      version: 'v1',
      item1Name: ' 甲 ',
      item3DocNumber: '示发〔2025〕1号',
      item5Description: '戊',
    });
    expect(r.items).toEqual([
      { infoName: '甲', infoDocNumber: null, infoDescription: null },
      { infoName: null, infoDocNumber: '示发〔2025〕1号', infoDescription: null },
      { infoName: null, infoDocNumber: null, infoDescription: '戊' },
    ]);
  });
});
