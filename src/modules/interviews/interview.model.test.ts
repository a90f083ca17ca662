/** 在线访谈: the transition table (every other state refuses each event) and the input rules. */
import { describe, expect, it } from 'vitest';
import {
  INTERVIEW_EVENTS,
  INTERVIEW_STATES,
  type InterviewEvent,
  interviewInputSchema,
  parseGuests,
  parseLocalDateTime,
  questionInputSchema,
  transitionProblem,
} from './interview.model.ts';

const VALID = {
  title: '稳就业政策解读',
  guests: '张明，县人社局局长\n李华',
  startsAt: '2026-12-08T09:30',
  endsAt: '2026-12-08 11:00',
  policyIds: '12, 15',
};

describe('interview transition table', () => {
  const rows = (Object.keys(INTERVIEW_EVENTS) as InterviewEvent[]).flatMap((event) =>
    INTERVIEW_STATES.map((state) => [event, state] as const),
  );
  it.each(rows)('%s from %s', (event, state) => {
    const allowed = (INTERVIEW_EVENTS[event].from as readonly string[]).includes(state);
    const problem = transitionProblem(state, event);
    expect(problem === null).toBe(allowed);
    if (!allowed) expect(problem).toContain(INTERVIEW_EVENTS[event].label);
  });
  it('leads from 草稿 to 实录已发布 through every state once', () => {
    const path = ['announce', 'start', 'end', 'submit_record', 'record_published'] as const;
    let state: (typeof INTERVIEW_STATES)[number] = 'draft';
    for (const e of path) {
      expect(transitionProblem(state, e)).toBeNull();
      state = INTERVIEW_EVENTS[e].to;
    }
    expect(state).toBe('published');
  });
});

describe('interview input', () => {
  it('reads guests one per line with their titles, and the start time of a datetime-local input', () => {
    const v = interviewInputSchema.parse(VALID);
    expect(v.guests).toEqual([
      { name: '张明', title: '县人社局局长' },
      { name: '李华', title: null },
    ]);
    expect(v.startsAt).toBe('2026-12-08 09:30');
    expect(v.policyIds).toEqual([12, 15]);
  });
  it.each([
    [{ title: '' }, 'title', '请填写访谈主题'],
    [{ title: '政策\u0000解读' }, 'title', '控制字符'],
    [{ startsAt: '2026-02-30 09:00' }, 'startsAt', '开始时间应为有效的日期和时间'],
    [{ endsAt: '2026-12-08 09:00' }, 'endsAt', '结束时间应晚于开始时间'],
    [{ policyIds: '12, abc' }, 'policyIds', '信息编号'],
    [{ guests: '' }, 'guests', '请填写访谈嘉宾'],
  ])('refuses %j on %s', (over, field, message) => {
    const r = interviewInputSchema.safeParse({ ...VALID, ...over });
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path.join('.') === field);
    expect(issue?.message).toContain(message);
  });
  it('parses only real local times', () => {
    expect(parseLocalDateTime('2026-12-08 24:00')).toBeNull();
    expect(parseLocalDateTime('2026-12-08T23:59')).toBe('2026-12-08 23:59');
    expect(parseGuests('  \n王五,专家\t学者\n')).toEqual([{ name: '王五', title: '专家，学者' }]);
  });
  it('keeps markup as text and refuses an overlong question', () => {
    expect(questionInputSchema.parse({ content: '<script>x</script>' }).content).toBe('<script>x</script>');
    const r = questionInputSchema.safeParse({ content: '问'.repeat(501) });
    expect(r.error?.issues[0]?.message).toBe('问题内容不能超过 500 个字符');
  });
});
