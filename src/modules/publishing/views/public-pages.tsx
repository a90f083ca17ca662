/** Public 政府信息公开 pages of a unit: the index, a column (list or 单页) and the generated 指南. */
import type { Unit } from '../../../db/schema.ts';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, SummaryList } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { sanitiseHtml } from '../documents/html-sanitiser.ts';
import type { Guide } from '../portal/guide.ts';
import type { ListQuery } from '../portal/portal-query.tsx';
import type { SiteColumn, TopicCategory } from '../publishing.tables.ts';
import { ColumnTree, DocList, type DocSummary, FilterFields, Pager, unitCrumbs } from './public-parts.tsx';

export function DisclosureIndexPage({
  ctx,
  unit,
  columns,
  latest,
}: {
  ctx: ViewContext;
  unit: Unit;
  columns: SiteColumn[];
  latest: DocSummary[];
}) {
  const title = `${unit.name}政府信息公开`;
  return (
    <PublicLayout ctx={ctx} title={title}>
      <Breadcrumbs items={[...unitCrumbs(unit).slice(0, 2), { label: '政府信息公开' }]} />
      <h1>{title}</h1>
      <ul class="card-grid">
        <li>
          <a href={`/units/${unit.id}/guide`}>政府信息公开指南</a>
        </li>
        <li>
          <a href={`/units/${unit.id}/catalogue`}>主动公开目录</a>
        </li>
        <li>
          <a href="/requests">依申请公开</a>
        </li>
        <li>
          <a href={`/units/${unit.id}/library`}>规范性文件库</a>
        </li>
        <li>
          <a href={`/units/${unit.id}/feed.xml`}>订阅本单位更新（Atom）</a>
        </li>
      </ul>
      <h2>最新信息</h2>
      <DocList docs={latest} />
      <h2>栏目</h2>
      <nav aria-label="政府信息公开栏目">
        <ColumnTree columns={columns} />
      </nav>
    </PublicLayout>
  );
}

export function ColumnListPage({
  ctx,
  unit,
  column,
  trail,
  children,
  docs,
  q,
  topics,
  years,
}: {
  ctx: ViewContext;
  unit: Unit;
  column: SiteColumn;
  trail: SiteColumn[];
  children: SiteColumn[];
  docs: { items: DocSummary[]; total: number; page: number; pageSize: number };
  q: ListQuery;
  topics: TopicCategory[];
  years: number[];
}) {
  const base = `/columns/${column.id}`;
  return (
    <PublicLayout ctx={ctx} title={`${column.name} - ${unit.name}`}>
      <ColumnCrumbs unit={unit} trail={trail} column={column} />
      <h1>{column.name}</h1>
      {children.length ? (
        <nav aria-label="下级栏目">
          <ColumnTree columns={children} parentId={column.id} />
        </nav>
      ) : null}
      <search>
        <form method="get" action={base} class="filters">
          <FilterFields q={q} topics={topics} years={years} />
          <button type="submit" class="button button-secondary">
            筛选
          </button>
        </form>
      </search>
      <p>
        按发布日期从新到旧排列，共 {docs.total} 条。<a href={`${base}/feed.xml`}>订阅本栏目（Atom）</a>
      </p>
      <DocList docs={docs.items} />
      <Pager
        base={base}
        params={{ year: q.year, topic: q.topic, genre: q.genre }}
        page={docs.page}
        pageSize={docs.pageSize}
        total={docs.total}
      />
    </PublicLayout>
  );
}

export function ColumnSinglePage({
  ctx,
  unit,
  column,
  trail,
}: {
  ctx: ViewContext;
  unit: Unit;
  column: SiteColumn;
  trail: SiteColumn[];
}) {
  return (
    <PublicLayout ctx={ctx} title={`${column.name} - ${unit.name}`}>
      <ColumnCrumbs unit={unit} trail={trail} column={column} />
      <h1>{column.name}</h1>
      {column.page_html ? (
        // Sanitised when saved; sanitised again here (defence in depth).
        <div class="doc-body" dangerouslySetInnerHTML={{ __html: sanitiseHtml(column.page_html) }} />
      ) : column.template_key === 'on_request' ? (
        <p>
          申请获取本单位未主动公开的政府信息，请通过<a href="/requests">依申请公开</a>在线提交申请。
        </p>
      ) : (
        <p>暂无内容。</p>
      )}
    </PublicLayout>
  );
}

function ColumnCrumbs({ unit, trail, column }: { unit: Unit; trail: SiteColumn[]; column: SiteColumn }) {
  return (
    <Breadcrumbs
      items={[
        ...unitCrumbs(unit),
        ...trail.map((c) => ({ href: `/columns/${c.id}`, label: c.name })),
        { label: column.name },
      ]}
    />
  );
}

export function GuidePage({ ctx, guide }: { ctx: ViewContext; guide: Guide }) {
  const { unit, office } = guide;
  return (
    <PublicLayout ctx={ctx} title={`${unit.name}政府信息公开指南`}>
      <Breadcrumbs items={[...unitCrumbs(unit), { label: '政府信息公开指南' }]} />
      <h1>{unit.name}政府信息公开指南</h1>
      <p class="lead">
        根据《中华人民共和国政府信息公开条例》第十二条编制。本指南由系统根据本单位当前的栏目、目录和联系方式自动生成，信息变更后即时更新。
      </p>
      <h2>一、主动公开</h2>
      <h3>（一）公开范围与分类编排</h3>
      <p>
        本单位主动公开的政府信息按以下栏目分类编排；各栏目内的信息按发布日期从新到旧排列，并标注索引号、主题分类、发文字号和发布日期。
        {guide.catalogueCount > 0 ? (
          <>
            具体公开事项见<a href={`/units/${unit.id}/catalogue`}>主动公开目录</a>（共 {guide.catalogueCount}{' '}
            项）。
          </>
        ) : null}
      </p>
      <ul>
        {guide.sections.map((s) => (
          <li key={s.column.id}>
            <a href={`/columns/${s.column.id}`}>{s.column.name}</a>
            {s.children.length ? `：${s.children.map((c) => c.name).join('；')}` : null}
          </li>
        ))}
      </ul>
      <h3>（二）公开方式与时限</h3>
      <p>
        主动公开的政府信息通过本网站公开，可在线检索、查阅和下载（条例第二十四条）。属于主动公开范围的政府信息，自该信息形成或者变更之日起
        20 个工作日内予以公开（条例第二十六条）。可通过<a href="/search">站内搜索</a>
        按关键词、发文字号、年份、主题分类和文种查找。
      </p>
      <h2>二、依申请公开</h2>
      <p>
        公民、法人或者其他组织可以向本单位申请获取相关政府信息（条例第二十七条）。请通过
        <a href="/requests">依申请公开</a>
        在线提交，或以信函、传真方式向下列工作机构提出。本单位收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起
        20 个工作日内答复，需要延长的，延长期限最长不超过 20 个工作日（条例第三十三条）。
      </p>
      <h2>三、政府信息公开工作机构</h2>
      <SummaryList
        rows={[
          ['机构名称', office.name],
          ['办公地址', office.address],
          ['邮政编码', office.postcode],
          ['办公时间', office.officeHours],
          ['联系电话', office.phone],
          ['传真', office.fax],
          ['电子邮箱', office.email ? <a href={`mailto:${office.email}`}>{office.email}</a> : null],
          ['网址', office.website],
        ]}
      />
      <h2>四、监督和救济</h2>
      <p>
        公民、法人或者其他组织认为本单位在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。
      </p>
    </PublicLayout>
  );
}
