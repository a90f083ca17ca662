/**
 * Manifest of the 互动交流 hub (issue 13 item 7): the public page /interaction and its entry in the main
 * navigation. It lists after every 政民互动 module and reads each one, optionally, through its registry
 * interface; a site without a channel module still has the page, which then says so.
 */
import { servePublic } from '../../http/public-cache.tsx';
import { viewContext } from '../../http/request-context.ts';
import { defineModule, type Registry } from '../../platform/module.ts';
import { type HubChannel, type HubSource, InteractionHub } from './interaction-hub.ts';
import { InteractionHubPage } from './views/interaction-hub-page.tsx';

/** The channels in the order the page shows them, each found by its registry key when installed. */
function channelsOf(r: Registry): HubChannel[] {
  const optional = r as Partial<Registry>;
  const found: (Omit<HubChannel, 'source'> & { source: HubSource | undefined })[] = [
    {
      key: 'letters',
      title: '领导信箱和咨询',
      href: '/letters',
      description: '给领导和部门写信，咨询、建议、投诉；凭编号和查询码查看答复并评价。',
      links: [
        { href: '/letters/replies', label: '来信选登' },
        { href: '/letters/stats', label: '办理情况统计' },
        { href: '/letters/query', label: '查询答复' },
      ],
      source: optional.letters,
    },
    {
      key: 'consultations',
      title: '意见征集',
      href: '/consultations',
      description: '政策文件和重大行政决策草案公开征求意见，征集结束后公布意见采纳情况。',
      links: [],
      source: optional.consultations,
    },
    {
      key: 'surveys',
      title: '在线调查',
      href: '/surveys',
      description: '参与问卷调查，查看已公布的调查结果。',
      links: [],
      source: optional.surveys,
    },
    {
      key: 'interviews',
      title: '在线访谈',
      href: '/interviews',
      description: '访谈预告、提前提问和访谈实录。',
      links: [],
      source: optional.interviews,
    },
    {
      key: 'open-days',
      title: '政务公开主题日和政府开放日',
      href: '/open-days',
      description: '活动预告和报名、年度活动计划表，以及已举办活动的记录。',
      links: [{ href: '/open-days/plan', label: '年度活动计划表' }],
      source: optional.openDays,
    },
  ];
  return found.filter((c): c is HubChannel => c.source !== undefined);
}

export const interactionModule = defineModule({
  name: 'interaction',
  label: '互动交流',
  needs: [],
  build: (r) => new InteractionHub(channelsOf(r)),
  provides: [],
  expose: () => ({}),
  routes: (server, hub, r) => {
    server.get('/interaction', (req, reply) =>
      servePublic(r, req, reply, async () =>
        InteractionHubPage({ ctx: await viewContext(r, req), sections: await hub.sections() }),
      ),
    );
  },
  publicRoutes: [{ pattern: /^\/interaction$/, sitemap: [{ path: '/interaction' }] }],
  publicNav: [{ href: '/interaction', label: '互动交流' }],
});
