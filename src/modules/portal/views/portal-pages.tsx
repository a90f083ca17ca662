/** Public pages of the platform foundation: home, 机构设置 (条例 第二十条第（二）项), unit pages. */
import type { Unit } from '../../../db/schema.ts';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, SummaryList } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { LeaderTable } from '../../orgs/unit.components.tsx';
import { UNIT_KIND_LABELS, type UnitKind } from '../../orgs/unit.model.ts';
import { DocList, type DocSummary } from '../../publishing/documents/document-list.components.tsx';
import type { SiteColumn } from '../../publishing/publishing.tables.ts';

export function HomePage({
  ctx,
  root,
  departments,
  townships,
  latest,
  topics,
  interpretations = [],
  interpretationColumn,
}: {
  ctx: ViewContext;
  root: Unit | undefined;
  departments: Unit[];
  townships: Unit[];
  latest: DocSummary[];
  topics: SiteColumn[];
  /** The latest published 政策解读 of the site. */
  interpretations?: { id: number; title: string; published_on: string | null }[];
  /** The top unit's 政策解读 column, linked as “更多政策解读”. */
  interpretationColumn?: SiteColumn | undefined;
}) {
  return (
    <PublicLayout ctx={ctx} title="首页">
      <h1>{ctx.site.name}</h1>
      <p class="lead">政府信息公开平台：依法公开政府信息，提供检索、查阅和下载服务。</p>
      {root ? (
        <ul class="card-grid">
          <li>
            <a href={`/units/${root.id}/disclosure`}>{root.name}政府信息公开</a>
          </li>
          <li>
            <a href={`/units/${root.id}/guide`}>政府信息公开指南</a>
          </li>
          <li>
            <a href={`/units/${root.id}`}>{root.name}机构信息</a>
          </li>
          <li>
            <a href="/requests">依申请公开</a>
          </li>
        </ul>
      ) : null}
      <search>
        <form method="get" action="/search" class="filters">
          <div class="field">
            <label for="home-q">搜索政府信息（关键词或发文字号）</label>
            <input class="input input-full" id="home-q" name="q" type="search" />
          </div>
          <button type="submit" class="button button-primary">
            搜索
          </button>
        </form>
      </search>
      <h2>最新信息</h2>
      <DocList docs={latest} />
      {interpretations.length ? (
        <section aria-labelledby="home-interpretations">
          <h2 id="home-interpretations">政策解读</h2>
          <ul class="doc-list">
            {interpretations.map((d) => (
              <li key={d.id}>
                <a href={`/documents/${d.id}`}>{d.title}</a>
                {d.published_on ? <span class="hint"> {d.published_on}</span> : null}
              </li>
            ))}
          </ul>
          {interpretationColumn ? (
            <p>
              <a href={`/columns/${interpretationColumn.id}`}>更多政策解读</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {topics.length ? (
        <>
          <h2>专题专栏</h2>
          <ul class="card-grid">
            {topics.map((c) => (
              <li key={c.id}>
                <a href={`/columns/${c.id}`}>{c.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>政府部门</h2>
      <UnitCards units={departments} />
      <h2>乡镇（街道）</h2>
      <UnitCards units={townships} />
    </PublicLayout>
  );
}

function UnitCards({ units }: { units: Unit[] }) {
  if (!units.length) return <p>暂无。</p>;
  return (
    <ul class="card-grid">
      {units.map((u) => (
        <li key={u.id}>
          <a href={`/units/${u.id}`}>{u.name}</a>
        </li>
      ))}
    </ul>
  );
}

export function UnitDirectoryPage({ ctx, units }: { ctx: ViewContext; units: Unit[] }) {
  const kinds = Object.keys(UNIT_KIND_LABELS) as UnitKind[];
  return (
    <PublicLayout ctx={ctx} title="机构设置">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, { label: '机构设置' }]} />
      <h1>机构设置</h1>
      {kinds
        .filter((k) => units.some((u) => u.kind === k))
        .map((k) => (
          <section key={k} aria-labelledby={`kind-${k}`}>
            <h2 id={`kind-${k}`}>{UNIT_KIND_LABELS[k]}</h2>
            <UnitCards units={units.filter((u) => u.kind === k)} />
          </section>
        ))}
    </PublicLayout>
  );
}

export function UnitPage({
  ctx,
  unit,
  parent,
  children,
  leaders,
}: {
  ctx: ViewContext;
  unit: Unit;
  parent: Unit | undefined;
  children: Unit[];
  leaders: { id: number; name: string; title: string; duties: string | null }[];
}) {
  return (
    <PublicLayout ctx={ctx} title={unit.name}>
      <Breadcrumbs
        items={[{ href: '/', label: '首页' }, { href: '/units', label: '机构设置' }, { label: unit.name }]}
      />
      <h1>{unit.name}</h1>
      <p>
        <a href={`/units/${unit.id}/disclosure`}>政府信息公开</a>　
        <a href={`/units/${unit.id}/guide`}>政府信息公开指南</a>　
        <a href={`/units/${unit.id}/catalogue`}>主动公开目录</a>
      </p>
      <h2>机构信息</h2>
      <SummaryList
        rows={[
          ['单位类型', UNIT_KIND_LABELS[unit.kind as UnitKind] ?? unit.kind],
          ['上级单位', parent ? <a href={`/units/${parent.id}`}>{parent.name}</a> : null],
          ['统一社会信用代码', unit.credit_code],
          ['办公地址', unit.address],
          ['邮政编码', unit.postcode],
          ['办公时间', unit.office_hours],
          ['联系电话', unit.phone],
          ['传真', unit.fax],
          ['电子邮箱', unit.email ? <a href={`mailto:${unit.email}`}>{unit.email}</a> : null],
          ['网址', unit.website],
        ]}
      />
      <h2>机构职能</h2>
      <p class="prewrap">{unit.functions || '暂未公开。'}</p>
      <h2>领导信息</h2>
      {leaders.length ? <LeaderTable leaders={leaders} /> : <p>暂未公开。</p>}
      {children.length ? (
        <>
          <h2>下设单位</h2>
          <UnitCards units={children} />
        </>
      ) : null}
    </PublicLayout>
  );
}

export function AccessibilityPage({ ctx }: { ctx: ViewContext }) {
  return (
    <PublicLayout ctx={ctx} title="无障碍说明">
      <h1>无障碍说明</h1>
      <p>
        本网站按照 GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》和 WCAG 2.1 AA
        级建设：
      </p>
      <ul>
        <li>全部功能可仅用键盘操作；按 Tab 键后第一个链接为“跳到主要内容”。</li>
        <li>页面不依赖 JavaScript，可在读屏软件中正常使用。</li>
        <li>点击页面顶部的“长者模式”可放大文字、提高对比度，设置会被记住。</li>
        <li>文字与背景对比度不低于 4.5:1，颜色不是传递信息的唯一方式。</li>
        <li>网站支持 IPv6 访问。</li>
      </ul>
    </PublicLayout>
  );
}
