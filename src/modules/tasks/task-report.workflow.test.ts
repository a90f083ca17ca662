import { describe, expect, it } from 'vitest';
import {
  REPORT_STATES,
  REPORT_TRANSITIONS,
  type ReportEvent,
  transitionProblem,
} from './task-report.workflow.ts';

describe('report workflow', () => {
  const events = Object.keys(REPORT_TRANSITIONS) as ReportEvent[];
  for (const event of events) {
    for (const state of REPORT_STATES) {
      const allowed = REPORT_TRANSITIONS[event].from.includes(state);
      it(`${event} from ${state} is ${allowed ? 'allowed' : 'rejected'}`, () => {
        expect(transitionProblem(event, state) === null).toBe(allowed);
      });
    }
  }

  it('says why in Chinese', () => {
    expect(transitionProblem('accept', 'returned')).toBe('该进展报告已退回，不能采纳');
    expect(transitionProblem('return', 'accepted')).toBe('该进展报告已采纳，不能退回');
  });
});
