/**
 * Demo data of 政务公开主题日 / 政府开放日: a 主题日 20 days ago with registrations (encrypted), sign-ins and
 * its published 活动记录; one upcoming 开放日 open for registration; one 主题日 held without a record yet —
 * the 活动计划表 of their years. Dates are relative to today; the past steps run on a seed clock.
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import { FixedClock } from '../../lib/clock.ts';
import { issueFormToken } from '../../lib/form-abuse.ts';
import { createOpenDays, type OpenDays } from '../../modules/open-days/open-days.services.ts';
import type { Registry } from '../../platform/module.ts';

const FORCE_REASON = '演示数据初始化：主题日活动记录补录';
const SYSTEM: CallContext = { actor: systemActor('演示数据'), meta: NO_REQUEST };
/** 10:00 China time of a day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

const PEOPLE = [
  ['陈建国', '13807310001', '人大代表'],
  ['林晓梅', '13907310002', '政协委员'],
  ['黄志强', '13607310003', '专家学者'],
  ['周丽', '13707310004', '普通市民'],
  ['吴涛', '0731-88880005', '新闻媒体'],
  ['郑芳', '15807310006', '普通市民'],
] as const;

const plan = (over: Record<string, unknown>) => ({
  type: 'theme_day',
  startTime: '09:00',
  endTime: '11:30',
  invitedGroups: ['人大代表', '政协委员', '专家学者', '普通市民', '新闻媒体'],
  activities: ['现场调研', '座谈会', '问卷调查'],
  capacity: '30',
  ...over,
});

export async function seedDemoOpenDays(app: Registry & { openDays: OpenDays }): Promise<string> {
  const root = (await app.units.activeUnits()).find((u) => u.parent_id === null);
  if (!root) return '没有演示单位，未载入主题日';
  const today = todayInShanghai(app.clock.now());
  const clock = new FixedClock(at(addDays(today, -35)));
  const past = createOpenDays({ ...app.openDays.service.d, clock });
  const day = addDays(today, -20);
  const id = await past.service.create(
    SYSTEM,
    root.id,
    plan({
      theme: '“走进政府·了解政务”政务公开主题日',
      eventDate: day,
      place: '县政务服务中心三楼会议室',
      description: '邀请各界代表走进政务服务中心，现场体验政务服务，座谈交流政务公开工作。',
      registrationOpensOn: addDays(day, -15),
      registrationClosesOn: addDays(day, -1),
    }),
  );
  await past.service.transition(SYSTEM, id, 'publish_plan');
  clock.set(at(addDays(day, -5)));
  for (const [name, phone, group] of PEOPLE) {
    const formStarted = issueFormToken(app.config.SESSION_SECRET, clock.now().getTime() - 10_000);
    await past.registration.register(SYSTEM, id, { name, phone, group, formStarted });
  }
  clock.set(at(day));
  const regs = await past.service.repo.registrations(id);
  await past.service.signIn(
    SYSTEM,
    id,
    regs.slice(0, 5).map((r) => r.id),
  );
  await past.service.transition(SYSTEM, id, 'mark_held');
  await past.service.saveRecord(
    SYSTEM,
    id,
    {
      recordText:
        '活动当天，人大代表、政协委员、专家学者、市民代表和新闻媒体记者共5人参加。\n参加人员现场调研了政务服务大厅“一窗通办”，并在座谈会上就政务公开提出意见建议8条，有关单位现场作了回应。',
    },
    [],
  );
  const admin = await app.accounts.findUserByUsername('gkadmin');
  const sender: CallContext = admin
    ? { actor: await app.auth.buildActor(admin.id), meta: NO_REQUEST }
    : SYSTEM;
  const docId = await app.openDays.record.submit(sender, id).catch(() => null);
  if (docId) await app.publishing.review.forcePublish(SYSTEM, docId, FORCE_REASON);

  clock.set(at(addDays(today, -80)));
  const heldId = await past.service.create(
    SYSTEM,
    root.id,
    plan({
      theme: '政府开放日：走进县自来水厂',
      type: 'open_day',
      eventDate: addDays(today, -60),
      place: '县第一自来水厂',
      activities: ['现场调研', '问卷调查'],
      capacity: '20',
      registrationOpensOn: addDays(today, -75),
      registrationClosesOn: addDays(today, -61),
    }),
  );
  await past.service.transition(SYSTEM, heldId, 'publish_plan');
  clock.set(at(addDays(today, -60)));
  await past.service.transition(SYSTEM, heldId, 'mark_held');

  const nextId = await app.openDays.service.create(
    SYSTEM,
    root.id,
    plan({
      theme: '政府开放日：走进县医疗保障局',
      type: 'open_day',
      eventDate: addDays(today, 10),
      place: '县医疗保障局一楼大厅',
      activities: ['现场调研', '座谈会', '新闻发布会'],
      registrationOpensOn: today,
      registrationClosesOn: addDays(today, 8),
    }),
  );
  await app.openDays.service.transition(SYSTEM, nextId, 'publish_plan');
  return `已载入主题日与开放日：3 场活动（1 场活动记录${docId ? '已发布' : '未能发布'}，报名 ${PEOPLE.length} 人）`;
}
