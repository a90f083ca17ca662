/** The public 互动交流 page: every 政民互动 channel with its newest public items. */

import type { ViewContext } from '../../../http/view-context.ts';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { todayInShanghai } from '../../../lib/calendar/dates.ts';
import type { HubSection } from '../interaction-hub.ts';

/** A plain date as it is; a timestamp as its China day. */
const dayOf = (d: string) => (d.length > 10 ? todayInShanghai(new Date(d)) : d);

export function InteractionHubPage({ ctx, sections }: { ctx: ViewContext; sections: readonly HubSection[] }) {
  return (
    <PublicLayout ctx={ctx} title="互动交流">
      <h1>互动交流</h1>
      <p>
        在这里给领导和部门写信、咨询、提出意见建议，参与意见征集、在线调查、在线访谈和政务公开主题日活动，并查看答复和反馈。
      </p>
      {sections.length === 0 ? (
        <p>本网站暂未开通互动交流栏目。</p>
      ) : (
        sections.map((s) => (
          <section key={s.key} class="hub-section" aria-labelledby={`hub-${s.key}`}>
            <h2 id={`hub-${s.key}`}>
              <a href={s.href}>{s.title}</a>
            </h2>
            <p>{s.description}</p>
            {s.items.length === 0 ? (
              <p>暂无公开的内容。</p>
            ) : (
              <ul class="hub-items">
                {s.items.map((i) => (
                  <li key={i.href}>
                    <a href={i.href}>{i.title}</a>
                    {i.note ? <span class="hub-note">（{i.note}）</span> : null}
                    {i.date ? <time dateTime={dayOf(i.date)}>　{dayOf(i.date)}</time> : null}
                  </li>
                ))}
              </ul>
            )}
            {s.links.length > 0 ? (
              <p>
                {s.links.map((l, n) => (
                  <span key={l.href}>
                    {n > 0 ? '　' : ''}
                    <a href={l.href}>{l.label}</a>
                  </span>
                ))}
              </p>
            ) : null}
          </section>
        ))
      )}
    </PublicLayout>
  );
}
