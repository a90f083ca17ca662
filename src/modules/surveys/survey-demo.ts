/**
 * Demo 在线调查 (issue 13 demo): a closed 政务公开工作满意度调查 of 县发展和改革局 with 60 responses and its
 * published results, and an open survey on 政府网站改版. Dates are relative to today; everything goes
 * through the real services (the responses through the public form's checks) on a seed clock of its own.
 */
import { NO_REQUEST } from '../../lib/actor.ts';
import { AuditLog } from '../../lib/audit/audit-log.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import { FixedClock } from '../../lib/clock.ts';
import { FORM_TOKEN_FIELD, issueFormToken } from '../../lib/form-abuse.ts';
import type { Registry } from '../../platform/module.ts';
import { answerField } from './survey.model.ts';
import { issueVoterToken } from './survey-voter.ts';
import { createSurveys } from './surveys.services.ts';

const DEMO_UNIT = '县发展和改革局';
export const DEMO_CLOSED_RESPONSES = 60;
/** 10:00 China time of a day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const CLOSED_QUESTIONS = [
  {
    kind: 'single',
    title: '您通过哪种渠道了解本单位公开的政府信息？',
    options: '政府网站\n政务新媒体\n公开栏、宣传册\n其他',
    required: '1',
  },
  {
    kind: 'multiple',
    title: '您最关注哪些公开内容？',
    options: '政策文件\n政策解读\n财政预决算\n重大项目\n办事服务',
    minChoices: '1',
    maxChoices: '3',
    required: '1',
  },
  { kind: 'rating', title: '您对本单位政务公开工作的总体评价', options: '', required: '1' },
  { kind: 'text', title: '您对改进政务公开工作的意见和建议', maxLength: '500' },
];

const SUGGESTIONS = [
  '希望政策解读更通俗',
  '建议在政务新媒体同步发布',
  '财政信息希望更细',
  '办事指南请附示例',
];

/** The answers of demo response `i` (deterministic, so the published results are the same every time). */
function demoAnswers(qids: number[], i: number): Record<string, string | string[]> {
  const [q1 = 0, q2 = 0, q3 = 0, q4 = 0] = qids;
  const f: Record<string, string | string[]> = {
    [answerField({ id: q1 })]: String([0, 0, 1, 0, 2, 1, 0, 3][i % 8]),
    [answerField({ id: q2 })]: [String(i % 5), ...(i % 3 === 0 ? [String((i + 2) % 5)] : [])],
    [answerField({ id: q3 })]: String([5, 4, 4, 3, 5, 4, 2, 4, 5, 1][i % 10]),
  };
  if (i % 6 === 0) f[answerField({ id: q4 })] = SUGGESTIONS[(i / 6) % SUGGESTIONS.length] ?? '';
  return f;
}

export async function seedDemoSurveys(app: Registry): Promise<string> {
  const unit = (await app.units.activeUnits()).find((u) => u.name === DEMO_UNIT);
  const user = await app.accounts.findUserByUsername('reviewer');
  if (!unit || !user) return '没有演示单位，未载入在线调查';
  const reviewer = { actor: await app.auth.buildActor(user.id), meta: NO_REQUEST };
  const today = todayInShanghai(app.clock.now());
  const clock = new FixedClock(at(addDays(today, -40)));
  const s = createSurveys({ ...app, clock, audit: new AuditLog(app.auditRepo, clock) });
  const secret = app.config.SESSION_SECRET;

  const closedId = await s.admin.create(reviewer, {
    unitId: String(unit.id),
    title: `${unit.name}政务公开工作满意度调查`,
    description: '为改进政务公开工作，请您花两分钟填写本问卷。问卷不记录姓名等个人信息。',
    opensOn: addDays(today, -40),
    closesOn: addDays(today, -10),
    resultsPublic: '1',
    publicTextAnswers: '1',
  });
  for (const q of CLOSED_QUESTIONS) await s.admin.addQuestion(reviewer, closedId, q);
  await s.admin.open(reviewer, closedId);
  const qids = (await s.repo.questions(closedId)).map((q) => q.id);
  for (let i = 0; i < DEMO_CLOSED_RESPONSES; i++) {
    clock.set(new Date(at(addDays(today, -40 + Math.floor(i / 2))).getTime() + (i % 2) * 3600_000));
    const token = issueFormToken(secret, clock.now().getTime() - 60_000);
    await s.public.respond(
      { actor: { kind: 'anonymous' }, meta: NO_REQUEST },
      closedId,
      { ...demoAnswers(qids, i), [FORM_TOKEN_FIELD]: token },
      issueVoterToken(secret),
    );
  }
  clock.set(at(addDays(today, -9)));
  await s.admin.runDaily(addDays(today, -9));
  clock.set(at(addDays(today, -7)));
  await s.admin.publishResults(reviewer, closedId);

  clock.set(at(addDays(today, -3)));
  const openId = await s.admin.create(reviewer, {
    unitId: String(unit.id),
    title: '政府网站改版意见调查',
    description: '网站将于近期改版，欢迎您告诉我们最常用的栏目和希望改进的地方。',
    opensOn: addDays(today, -3),
    closesOn: addDays(today, 27),
    resultsPublic: '1',
    publicTextAnswers: '0',
    asksContact: '1',
  });
  await s.admin.addQuestion(reviewer, openId, {
    kind: 'single',
    title: '您多久访问一次本网站？',
    options: '每天\n每周\n每月\n很少',
    required: '1',
  });
  await s.admin.addQuestion(reviewer, openId, {
    kind: 'multiple',
    title: '您常用哪些栏目？',
    options: '政府信息公开\n政策文件\n办事服务\n互动交流\n新闻动态',
    required: '1',
  });
  await s.admin.addQuestion(reviewer, openId, {
    kind: 'rating',
    title: '您对网站查找信息的便利程度的评价',
    options: '很不方便\n不方便\n一般\n方便\n很方便',
  });
  await s.admin.addQuestion(reviewer, openId, {
    kind: 'text',
    title: '您希望网站改进哪些地方？',
    maxLength: '300',
  });
  await s.admin.open(reviewer, openId);
  return `在线调查：1 份已结束（${DEMO_CLOSED_RESPONSES} 份答卷，结果已发布），1 份进行中`;
}
