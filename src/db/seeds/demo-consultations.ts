/**
 * Demo 意见征集 (issue 13 "Demo"), dates relative to today: 县发展和改革局's 停车设施 plan open now (opened 5
 * days ago, two comments shown, one waiting for moderation), and its 奖补办法 closed 45 days ago with its
 * comments moderated, 采纳情况 recorded (two similar comments as one group), the feedback report
 * published through 主动公开 and then the final 办法 published. The past days run on a seed clock of
 * their own (a second set of the module's services); publishing acts today.
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import { FixedClock } from '../../lib/clock.ts';
import { issueFormToken } from '../../lib/form-abuse.ts';
import {
  buildConsultationServices,
  type Consultations,
} from '../../modules/consultations/consultations.services.ts';
import type { Registry } from '../../platform/module.ts';

const system: CallContext = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };
const UNIT = '县发展和改革局';
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const PARKING = [
  '示范县城区公共停车设施规划建设方案（征求意见稿）',
  '一、总体目标',
  '到2028年，城区新增公共停车泊位3000个，基本缓解老城区停车难问题。',
  '二、重点任务',
  '（一）利用边角地、闲置地建设公共停车场；',
  '（二）鼓励机关企事业单位停车场错时对外开放。',
  '三、收费管理',
  '公共停车场实行差别化收费，老城区高于新城区，',
  '具体标准由县发展和改革局会同有关部门另行制定。',
  '四、保障措施',
  '县发展和改革局牵头，住建、公安、自然资源等部门按职责分工负责。',
].join('\n');

const SUBSIDY = [
  '示范县农村人居环境整治奖补办法（征求意见稿）',
  '第一条 为推进农村人居环境整治，规范奖补资金管理，制定本办法。',
  '第二条 奖补资金用于农村生活垃圾治理、厕所改造和村容村貌提升。',
  '第三条 奖补标准按行政村人口规模和整治成效分档确定，',
  '每村每年最高不超过20万元。',
  '第四条 本办法自印发之日起施行，有效期5年。',
].join('\n');

/** Loads the demo consultations; returns the line for the log. */
export async function seedDemoConsultations(
  app: Registry & { consultations: Consultations },
): Promise<string> {
  const unit = await app.units.findByName(UNIT);
  if (!unit) return '没有演示单位，未载入意见征集';
  const today = todayInShanghai(app.clock.now());
  const clock = new FixedClock(at(addDays(today, -75)));
  const past = buildConsultationServices({
    db: app.db,
    audit: app.audit,
    clock,
    units: app.units,
    calendar: app.calendar,
    publishing: app.publishing,
    encryptionKey: app.config.dataEncryptionKey,
    formSecret: app.config.SESSION_SECRET,
  });
  const actor = async (username: string): Promise<CallContext> => {
    const user = await app.accounts.findUserByUsername(username);
    if (!user) throw new Error(`demo account missing: ${username}`);
    return { actor: await app.auth.buildActor(user.id), meta: NO_REQUEST };
  };
  const clerk = await actor('clerk');
  const reviewer = await actor('reviewer');
  const secrecy = await actor('secrecy');
  const say = async (id: number, body: string, extra: Record<string, string> = {}) =>
    past.comments.submit(system, id, {
      formStarted: issueFormToken(app.config.SESSION_SECRET, clock.now().getTime() - 60_000),
      body,
      ...extra,
    });
  const articleId = async (id: number, number: string) =>
    String((await past.service.articles(id)).find((a) => a.number === number)?.id ?? '');

  // Closed: opened 75 days ago for 30 days.
  const closesOn = addDays(today, -45);
  const closed = await past.service.create(clerk, unit.id, {
    title: '关于《示范县农村人居环境整治奖补办法（征求意见稿）》公开征求意见的公告',
    basis: 'normative',
    summary: '为规范奖补资金管理，县发展和改革局会同县农业农村局起草了本办法，现公开征求社会各界意见。',
    draftText: SUBSIDY,
    opensOn: addDays(today, -75),
    closesOn,
  });
  await past.service.publish(clerk, closed);
  clock.set(at(addDays(today, -70)));
  const c1 = await say(closed, '建议提高人口较多的行政村的奖补上限。', {
    name: '朱建国',
    articleId: await articleId(closed, '第三条'),
  });
  const c2 = await say(closed, '20万元上限偏低，大村整治任务重，建议分档提高。', {
    name: '李梅',
    articleId: await articleId(closed, '第三条'),
  });
  const c3 = await say(closed, '建议奖补资金也可用于村内道路硬化。', {
    articleId: await articleId(closed, '第二条'),
  });
  const c4 = await say(closed, '欢迎访问某某网站了解更多优惠。');
  for (const c of [c1, c2, c3]) await past.comments.moderate(reviewer, c, 'show');
  await past.comments.moderate(reviewer, c4, 'hide', { reason: '与征集内容无关的广告信息' });
  clock.set(at(addDays(closesOn, 1)));
  await past.service.runDaily(addDays(closesOn, 1));
  await past.comments.decide(clerk, closed, {
    commentIds: [c1, c2],
    adoption: 'adopted',
    reason: '已将上限调整为按人口规模分三档，最高30万元',
  });
  await past.comments.decide(clerk, closed, {
    commentIds: [c3],
    adoption: 'rejected',
    reason: '村内道路硬化已有交通运输专项资金支持，不纳入本办法奖补范围',
  });
  const feedbackId = await past.feedback.generate(clerk, closed, {});
  await app.publishing.review.reviewConfidentiality(secrecy, feedbackId, { conclusion: 'disclose' });
  await app.publishing.review.approve(reviewer, feedbackId);

  // The final 办法, recorded on the consultation and published after its feedback.
  const column = (await app.publishing.columns.listActiveForUnit(unit.id)).find(
    (c) => c.template_key === 'art20_01',
  );
  const final = await app.publishing.documents.createDraft(clerk, unit.id, {
    title: '示范县农村人居环境整治奖补办法',
    genre: '通知',
    issuers: UNIT,
    writtenOn: today,
    formedOn: today,
    disclosureMode: 'proactive',
    keywords: '人居环境，奖补',
    summary: '规范农村人居环境整治奖补资金管理。',
    source: UNIT,
    bodyHtml: `<p>${SUBSIDY.split('\n').slice(1).join('</p><p>').replace('每村每年最高不超过20万元', '按人口规模分三档，每村每年最高不超过30万元')}</p>`,
    columnIds: column ? [String(column.id)] : [],
  });
  await app.consultations.service.recordFinal(clerk, closed, { documentId: String(final.id) });
  await app.publishing.review.submit(clerk, final.id);
  await app.publishing.review.reviewConfidentiality(secrecy, final.id, { conclusion: 'disclose' });
  await app.publishing.review.approve(reviewer, final.id);

  // Open: opened 5 days ago for 30 days.
  clock.set(at(addDays(today, -5)));
  const open = await past.service.create(clerk, unit.id, {
    title: '关于《示范县城区公共停车设施规划建设方案（征求意见稿）》公开征求意见的公告',
    basis: 'major_decision',
    summary: '本方案属于县政府重大行政决策事项，现公开征求社会公众意见。',
    draftText: PARKING,
    opensOn: addDays(today, -5),
    closesOn: addDays(today, 25),
  });
  await past.service.publish(clerk, open);
  clock.set(at(addDays(today, -3)));
  const o1 = await say(open, '建议在学校和医院周边优先建设停车场。', {
    name: '王芳',
    articleId: await articleId(open, '二、'),
  });
  const o2 = await say(open, '差别化收费很有必要，建议公布收费标准听证安排。', {
    articleId: await articleId(open, '三、'),
  });
  await say(open, '老城区居民夜间停车能否给予优惠？', { name: '赵强' });
  for (const c of [o1, o2]) await past.comments.moderate(reviewer, c, 'show');
  return '意见征集：2 个（1 个征集中，1 个已反馈并发布最终文件）';
}
