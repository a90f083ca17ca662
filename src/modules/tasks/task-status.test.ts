import { describe, expect, it } from 'vitest';
import { computeTaskStatus, deadlineColumns, type StatusFacts, type TaskStatus } from './task-status.ts';

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
