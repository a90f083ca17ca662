/** Public 政策问答 pages: the list with unit / topic filters and the search box, one entry with its sources. */
import { Pager } from '../../../http/kit/pager.tsx';
import type { ViewContext } from '../../../http/view-context.ts';
import { Breadcrumbs, Button, Notice, SelectField, TextField } from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { QA_AUDIENCE_LABELS, type QaAudience } from '../qa.model.ts';
import type { QaPublicService } from '../qa-public.service.ts';
import { PUBLIC_PAGE_SIZE } from '../qa-public.service.ts';
import { SourceList } from './qa-admin-pages.tsx';

type ListData = Awaited<ReturnType<QaPublicService['list']>>;
type EntryData = NonNullable<Awaited<ReturnType<QaPublicService['entry']>>>;

/** The notice on an entry whose sources changed since it was published. */
export const STALE_NOTICE = '本问答所依据的文件已变化，正在更新';

export function QaListPublicPage(p: {
  ctx: ViewContext;
  data: ListData;
  filters: { unit: string; topic: string; q: string };
}) {
  const { data, filters } = p;
  const form = { values: filters, problems: [] };
  return (
    <PublicLayout ctx={p.ctx} title="政策问答">
      <Breadcrumbs items={[{ href: '/', label: '首页' }, { label: '政策问答' }]} />
      <h1>政策问答</h1>
      <search>
        <form method="get" action="/qa" class="filters">
          <TextField form={form} name="q" label="查找问题" hint="例如：低保怎么申请" />
          <SelectField
            form={form}
            name="unit"
            label="单位"
            placeholder="全部单位"
            options={data.units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
          <SelectField
            form={form}
            name="topic"
            label="主题"
            placeholder="全部主题"
            options={data.topics.map((t) => ({ value: String(t.id), label: t.name }))}
          />
          <Button>查找</Button>
        </form>
      </search>
      {data.noWords ? <Notice kind="info">请输入要查找的问题中的文字，例如“低保”。</Notice> : null}
      <p>共 {data.total} 条问答。</p>
      {data.items.length ? (
        <ul class="qa-list">
          {data.items.map((e) => (
            <li key={e.id}>
              <a href={`/qa/${e.id}`}>{e.question}</a>
              <span class="meta">
                {' '}
                {e.unitName}
                {e.topicName ? ` · ${e.topicName}` : ''} · {e.publishedOn}
                {e.stale ? ' · 正在更新' : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>没有找到相关问答。可以换个说法，或到“互动交流”向有关单位咨询。</p>
      )}
      <Pager
        base="/qa"
        params={{ q: filters.q, unit: filters.unit, topic: filters.topic }}
        page={data.page}
        total={data.total}
        pageSize={PUBLIC_PAGE_SIZE}
      />
    </PublicLayout>
  );
}

export function QaEntryPublicPage(p: { ctx: ViewContext; e: EntryData }) {
  const { e } = p;
  return (
    <PublicLayout ctx={p.ctx} title={e.question}>
      <Breadcrumbs
        items={[{ href: '/', label: '首页' }, { href: '/qa', label: '政策问答' }, { label: e.question }]}
      />
      <h1>{e.question}</h1>
      {e.stale ? <Notice kind="warning">{STALE_NOTICE}</Notice> : null}
      <p class="meta">
        {e.unitName}
        {e.topicName ? ` · ${e.topicName}` : ''}
        {e.audiences.length
          ? ` · 服务对象：${e.audiences.map((a: QaAudience) => QA_AUDIENCE_LABELS[a]).join('、')}`
          : ''}
        {' · '}发布日期 {e.publishedOn}
      </p>
      <h2>答复</h2>
      {e.answer.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      <h2>依据</h2>
      <SourceList sources={e.sources} />
      {e.altQuestions.length ? (
        <>
          <h2>相同问题的其他问法</h2>
          <ul>
            {e.altQuestions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/qa?unit=${e.unitId}`}>{e.unitName}的更多问答</a>
      </p>
    </PublicLayout>
  );
}
