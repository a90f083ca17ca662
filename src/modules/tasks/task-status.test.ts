import { describe, expect, it } from 'vitest';
import {
  computePartStatus,
  computeTaskStatus,
  deadlineColumns,
  type PartFacts,
  partFacts,
  type StatusFacts,
  type TaskStatus,
} from './task-status.ts';

const base: StatusFacts = {
  dueDate: '2026-06-30',
  recurrence: null,
  doneAccepted: false,
  progressAccepted: false,
  today: '2026-06-30',
};

describe('computeTaskStatus', () => {
  it.each<[string, Partial<StatusFacts>, TaskStatus]>([
    ['nothing reported, due today', {}, 'not_started'],
    ['a progress report accepted', { progressAccepted: true }, 'in_progress'],
    ['the day after the due date', { today: '2026-07-01' }, 'overdue'],
    ['overdue even with progress', { today: '2026-07-01', progressAccepted: true }, 'overdue'],
    ['done wins over overdue', { today: '2026-07-01', doneAccepted: true }, 'done'],
    ['recurring duty', { dueDate: null, recurrence: 'monthly' }, 'ongoing'],
    [
      'recurring duty with progress',
      { dueDate: null, recurrence: 'monthly', progressAccepted: true },
      'ongoing',
    ],
    ['recurring duty closed', { dueDate: null, recurrence: 'continuous', doneAccepted: true }, 'done'],
    ['free-text deadline', { dueDate: null }, 'not_started'],
  ])('%s', (_label, facts, expected) => {
    expect(computeTaskStatus({ ...base, ...facts })).toBe(expected);
  });
});

describe('partFacts: a task is done only when every required part is', () => {
  const open: PartFacts = { doneOn: null, notApplicable: false, progressAccepted: false };
  const done = (doneOn: string): PartFacts => ({ doneOn, notApplicable: false, progressAccepted: true });
  const na: PartFacts = { doneOn: null, notApplicable: true, progressAccepted: false };
  it.each<[string, PartFacts[], ReturnType<typeof partFacts>]>([
    ['no part reported', [open, open], { doneAccepted: false, progressAccepted: false, doneOn: null }],
    [
      'one of sixteen units done (issue 10)',
      [done('2026-05-01'), ...Array<PartFacts>(15).fill(open)],
      { doneAccepted: false, progressAccepted: true, doneOn: null },
    ],
    [
      'progress reported by one unit',
      [{ ...open, progressAccepted: true }, open],
      { doneAccepted: false, progressAccepted: true, doneOn: null },
    ],
    [
      'every part done: the last date',
      [done('2026-05-01'), done('2026-06-02'), done('2026-03-01')],
      { doneAccepted: true, progressAccepted: true, doneOn: '2026-06-02' },
    ],
    [
      'the other parts 不适用',
      [done('2026-05-01'), na],
      { doneAccepted: true, progressAccepted: true, doneOn: '2026-05-01' },
    ],
    ['only 不适用 parts: never done', [na], { doneAccepted: false, progressAccepted: false, doneOn: null }],
  ])('%s', (_label, parts, expected) => {
    expect(partFacts(parts)).toEqual(expected);
  });

  it('a part has its own status, 不适用 first', () => {
    const task = { dueDate: '2026-06-30', recurrence: null, today: '2026-07-01' };
    expect(computePartStatus(task, na)).toBe('not_applicable');
    expect(computePartStatus(task, done('2026-06-01'))).toBe('done');
    expect(computePartStatus(task, open)).toBe('overdue');
    expect(computePartStatus({ ...task, today: '2026-06-30' }, { ...open, progressAccepted: true })).toBe(
      'in_progress',
    );
  });
});

describe('deadlineColumns', () => {
  it('puts each kind of deadline in its column', () => {
    expect(deadlineColumns({ date: '2026-12-31' })).toEqual({
      due_date: '2026-12-31',
      recurrence: null,
      deadline_text: null,
    });
    expect(deadlineColumns({ recurrence: 'monthly' })).toMatchObject({ recurrence: 'monthly' });
    expect(deadlineColumns({ text: '3年内' })).toMatchObject({ deadline_text: '3年内', due_date: null });
    expect(deadlineColumns(null)).toEqual({ due_date: null, recurrence: null, deadline_text: null });
  });
});
