import { describe, expect, it } from 'vitest';
import { type ChainedFields, GENESIS_HASH, hashAuditRow, verifyChainSegment } from './audit-chain.ts';

function chain(n: number): (ChainedFields & { hash: string })[] {
  const rows: (ChainedFields & { hash: string })[] = [];
  let prev = GENESIS_HASH;
  for (let id = 1; id <= n; id++) {
    const fields: ChainedFields = {
      id,
      occurred_at: `2026-01-0${id}T00:00:00.000Z`,
      actor_user_id: 1,
      actor_name: '测试',
      actor_unit_id: 1,
      action: 'unit.update',
      target_type: 'unit',
      target_id: String(id),
      summary: `修改 ${id}`,
      before_json: null,
      after_json: '{"a":1}',
      ip: '127.0.0.1',
      user_agent: null,
      prev_hash: prev,
    };
    const hash = hashAuditRow(fields);
    rows.push({ ...fields, hash });
    prev = hash;
  }
  return rows;
}

describe('audit hash chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChainSegment(chain(5), null)).toBeNull();
  });
  it('names an edited row', () => {
    const rows = chain(5);
    rows[2]!.summary = '改过了';
    expect(verifyChainSegment(rows, null)).toEqual({ id: 3, reason: 'hash_mismatch' });
  });
  it('names a row whose hash was recomputed after editing (the next link breaks)', () => {
    const rows = chain(5);
    rows[2]!.summary = '改过了';
    rows[2]!.hash = hashAuditRow(rows[2]!);
    expect(verifyChainSegment(rows, null)).toEqual({ id: 4, reason: 'prev_hash_mismatch' });
  });
  it('detects a deleted row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(verifyChainSegment(rows, null)).toEqual({ id: 3, reason: 'gap', expectedId: 2 });
  });
  it('continues across batches', () => {
    const rows = chain(6);
    const first = rows.slice(0, 3);
    const last = first[2]!;
    expect(verifyChainSegment(rows.slice(3), { id: last.id, hash: last.hash })).toBeNull();
    expect(verifyChainSegment(rows.slice(4), { id: last.id, hash: last.hash })).toMatchObject({
      reason: 'gap',
    });
  });
  it('every field is covered by the hash', () => {
    const base = chain(1)[0]!;
    for (const key of Object.keys(base).filter((k) => k !== 'hash')) {
      const changed = {
        ...base,
        [key]: key === 'id' ? 2 : key.endsWith('_id') && key !== 'target_id' ? 99 : 'x',
      };
      expect(hashAuditRow(changed), key).not.toBe(base.hash);
    }
  });
});
