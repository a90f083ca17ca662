import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../lib/validation.ts';
import { documentInputSchema, validityInputSchema } from './document.model.ts';

const base = {
  title: '关于印发《示范县优化营商环境若干措施》的通知',
  disclosureMode: 'proactive',
  writtenOn: '2026-01-10',
};

function problems(schema: Parameters<typeof parseInput>[0], raw: unknown): Record<string, string> {
  try {
    parseInput(schema, raw);
    return {};
  } catch (e) {
    return Object.fromEntries(
      (e as { problems: { field: string; message: string }[] }).problems.map((p) => [p.field, p.message]),
    );
  }
}

describe('有效性 · 施行日期 · 废止日期 of the document form', () => {
  it.each([
    [{}, {}],
    [{ validity: '', effectiveOn: '', repealedOn: '' }, {}],
    [{ validity: 'valid', effectiveOn: '2026-02-01' }, {}],
    // Retroactive application is lawful: 施行日期 before 成文日期 is fine.
    [{ validity: 'valid', effectiveOn: '2026-01-01' }, {}],
    [{ effectiveOn: '2026-02-01' }, {}],
    [{ validity: 'repealed', effectiveOn: '2026-02-01', repealedOn: '2026-02-01' }, {}],
    [{ validity: 'amended' }, {}],
    [{ validity: 'repealed' }, { repealedOn: '有效性为“废止”时须填写废止日期' }],
    [
      { validity: 'valid', repealedOn: '2026-05-01' },
      { repealedOn: '只有有效性为“废止”的信息才填写废止日期' },
    ],
    [{ repealedOn: '2026-05-01' }, { repealedOn: '只有有效性为“废止”的信息才填写废止日期' }],
    [
      { validity: 'repealed', effectiveOn: '2026-03-01', repealedOn: '2026-02-28' },
      { repealedOn: '废止日期不能早于施行日期' },
    ],
    [{ validity: 'repealed', repealedOn: '2026-01-09' }, { repealedOn: '废止日期不能早于成文日期' }],
    [{ validity: 'unknown' }, { validity: '请选择有效性' }],
    [{ effectiveOn: '2026-02-30' }, { effectiveOn: '施行日期：应为有效日期，例如 2026-03-02' }],
  ])('%o → %o', (fields, expected) => {
    expect(problems(documentInputSchema, { ...base, ...fields })).toEqual(expected);
  });

  it('stores the keys and dates', () => {
    const v = parseInput(documentInputSchema, {
      ...base,
      validity: 'repealed',
      effectiveOn: '2026-02-01',
      repealedOn: '2026-06-30',
    });
    expect(v).toMatchObject({ validity: 'repealed', effectiveOn: '2026-02-01', repealedOn: '2026-06-30' });
  });

  it('the 变更有效性 form checks against the stored 成文日期', () => {
    expect(
      problems(validityInputSchema('2026-01-10'), { validity: 'repealed', repealedOn: '2025-12-31' }),
    ).toEqual({
      repealedOn: '废止日期不能早于成文日期',
    });
    expect(
      problems(validityInputSchema(null), { validity: 'repealed', repealedOn: '2025-12-31', note: '' }),
    ).toEqual({});
  });
});
