import { describe, expect, it } from 'vitest';
import { taskSummarySentence } from './report-task-summary.ts';

describe('section 六’s sentence on the 工作要点 tasks', () => {
  it.each([
    { parts: [], want: null },
    {
      parts: [
        { status: 'done', progressed: true },
        { status: 'in_progress', progressed: true },
        { status: 'overdue', progressed: true },
        { status: 'overdue', progressed: false },
        { status: 'not_started', progressed: false },
        { status: 'ongoing', progressed: false },
      ],
      want: '本年度承担上级政务公开工作要点任务6项，已完成1项，推进中2项，未开展3项（逾期2项）。',
    },
    {
      parts: [{ status: 'done', progressed: false }],
      want: '本年度承担上级政务公开工作要点任务1项，已完成1项，推进中0项，未开展0项（逾期0项）。',
    },
  ])('$want', ({ parts, want }) => {
    expect(taskSummarySentence(parts)).toBe(want);
  });
});
