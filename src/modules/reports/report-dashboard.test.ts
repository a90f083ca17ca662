import { describe, expect, it } from 'vitest';
import type { Unit } from '../../db/schema.ts';
import { type DashboardRow, matchesFilter, treeOrder } from './report-dashboard.service.ts';

const unit = (id: number, parent: number | null, name: string, sort = 0) =>
  ({ id, parent_id: parent, name, sort_order: sort }) as Unit;

describe('the dashboard', () => {
  it('lists units in tree order: each before its children, siblings by sort order then name', () => {
    const units = [
      unit(12, 1, '县财政局', 2),
      unit(3, 2, '城关镇东街社区'),
      unit(2, 1, '城关镇', 1),
      unit(1, null, '示范县人民政府'),
      unit(10, 1, '县发展和改革局', 1),
    ];
    expect(treeOrder(units).map((u) => u.id)).toEqual([1, 2, 3, 10, 12]);
  });

  it('puts a unit whose parent is outside the scope at the top level', () => {
    expect(treeOrder([unit(5, 99, '乙'), unit(4, 98, '甲')]).map((u) => u.id)).toEqual([4, 5]);
  });

  it.each([
    [undefined, true],
    ['draft', true],
    ['published', false],
    ['overdue', true],
    ['failing', false],
  ] as const)('filter %s → %s for an overdue draft that passes its checks', (f, expected) => {
    const row = { status: 'draft', overdue: true, errors: 0 } as DashboardRow;
    expect(matchesFilter(row, f)).toBe(expected);
  });
});
