import type { ComponentChildren } from 'preact';
/** Catalogue pages: the public 主动公开目录 table and the back-office editor. */
import type { Unit } from '../../../db/schema.ts';
import { DataTable, type TableColumn } from '../../../http/kit/data-table.tsx';
import { emptyForm, type FormState, type ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout, PublicLayout } from '../../../http/views/layouts.tsx';
import {
  AUDIENCES,
  CATALOGUE_CHANNELS,
  type CatalogueItem,
  DEFAULT_TIME_LIMIT,
  DISCLOSURE_WAYS,
  LEVELS,
} from '../catalogue.model.ts';

const tick = (on: boolean) =>
  on ? (
    <>
      <span aria-hidden="true">√</span>
      <span class="visually-hidden">是</span>
    </>
  ) : (
    <span class="visually-hidden">否</span>
  );

const TICK_GROUPS = [
  { label: '公开对象', values: AUDIENCES, of: (it: CatalogueItem): readonly string[] => it.audiences },
  { label: '公开方式', values: DISCLOSURE_WAYS, of: (it: CatalogueItem): readonly string[] => it.ways },
  { label: '公开层级', values: LEVELS, of: (it: CatalogueItem): readonly string[] => it.levels },
] as const;

function catalogueColumns(
  columnName?: (id: number) => string | undefined,
  actions?: (it: CatalogueItem) => ComponentChildren,
): TableColumn<CatalogueItem>[] {
  return [
    { header: '序号', cell: (_it, i) => i + 1 },
    { header: '一级事项', group: '公开事项', cell: (it) => it.level1 },
    { header: '二级事项', group: '公开事项', cell: (it) => it.level2 },
    { header: '公开内容（要素）', class: 'prewrap', cell: (it) => it.content },
    { header: '公开依据', class: 'prewrap', cell: (it) => it.basis },
    { header: '公开时限', cell: (it) => it.timeLimit },
    { header: '公开主体', cell: (it) => it.publisher },
    {
      header: '公开渠道和载体',
      cell: (it) => (
        <>
          {it.channels.join('、')}
          {columnName && it.columnIds.length ? (
            <span class="hint">（栏目：{it.columnIds.map(columnName).filter(Boolean).join('、')}）</span>
          ) : null}
        </>
      ),
    },
    ...TICK_GROUPS.flatMap((g) =>
      g.values.map(
        (v): TableColumn<CatalogueItem> => ({
          header: v,
          group: g.label,
          cell: (it) => tick(g.of(it).includes(v)),
        }),
      ),
    ),
    ...(actions ? [{ header: '操作', cell: actions }] : []),
  ];
}

/** The catalogue in the standard two-row-header layout. */
function CatalogueTable({
  items,
  columnName,
  actions,
}: {
  items: CatalogueItem[];
  columnName?: (id: number) => string | undefined;
  actions?: (it: CatalogueItem) => ComponentChildren;
}) {
  return (
    <DataTable
      class="catalogue"
      caption={`主动公开目录（共 ${items.length} 项）`}
      columns={catalogueColumns(columnName, actions)}
      rows={items}
      rowKey={(it) => it.id}
    />
  );
}

export function PublicCataloguePage({
  ctx,
  unit,
  items,
}: {
  ctx: ViewContext;
  unit: Unit;
  items: CatalogueItem[];
}) {
  return (
    <PublicLayout ctx={ctx} title={`${unit.name}主动公开目录`}>
      <Breadcrumbs
        items={[
          { href: '/', label: '首页' },
          { href: `/units/${unit.id}`, label: unit.name },
          { label: '主动公开目录' },
        ]}
      />
      <h1>{unit.name}主动公开目录</h1>
      {items.length ? <CatalogueTable items={items} /> : <p>该单位尚未公布主动公开目录。</p>}
    </PublicLayout>
  );
}

type Columns = { id: number; name: string; depth: number }[];

function ItemFields({ form, columns }: { form: FormState; columns: Columns }) {
  return (
    <>
      <TextField form={form} name="level1" label="一级事项" required />
      <TextField form={form} name="level2" label="二级事项" />
      <TextArea form={form} name="content" label="公开内容（要素）" rows={4} />
      <TextArea form={form} name="basis" label="公开依据" rows={3} />
      <TextField form={form} name="timeLimit" label="公开时限" hint={`常见写法：${DEFAULT_TIME_LIMIT}`} />
      <TextField form={form} name="publisher" label="公开主体" required />
      <CheckboxGroup
        form={form}
        name="channels"
        legend="公开渠道和载体"
        options={CATALOGUE_CHANNELS.map((c) => ({ value: c, label: c }))}
      />
      <CheckboxGroup
        form={form}
        name="audiences"
        legend="公开对象"
        options={AUDIENCES.map((c) => ({ value: c, label: c }))}
      />
      <CheckboxGroup
        form={form}
        name="ways"
        legend="公开方式"
        options={DISCLOSURE_WAYS.map((c) => ({ value: c, label: c }))}
      />
      <CheckboxGroup
        form={form}
        name="levels"
        legend="公开层级"
        options={LEVELS.map((c) => ({ value: c, label: c }))}
      />
      {columns.length ? (
        <CheckboxGroup
          form={form}
          name="columnIds"
          legend="信息所在栏目"
          hint="该事项的信息发布在哪些栏目"
          options={columns.map((c) => ({ value: String(c.id), label: `${'　'.repeat(c.depth)}${c.name}` }))}
        />
      ) : null}
    </>
  );
}

interface AdminProps {
  ctx: ViewContext;
  unit: Unit;
  units: Unit[];
  items: CatalogueItem[];
  columns: Columns;
  form?: FormState;
  importForm?: FormState;
  done?: string;
}

const DONE: Record<string, string> = {
  added: '目录条目已添加。',
  saved: '目录条目已保存。',
  retired: '目录条目已移除。',
  imported: '目录已导入。',
};

export function AdminCataloguePage({
  ctx,
  unit,
  units,
  items,
  columns,
  form = emptyForm({ timeLimit: DEFAULT_TIME_LIMIT, ways: ['主动'], audiences: ['全社会'] }),
  importForm = emptyForm(),
  done,
}: AdminProps) {
  const name = (id: number) => columns.find((c) => c.id === id)?.name;
  return (
    <AdminLayout ctx={ctx} title="主动公开目录">
      <h1>{unit.name}主动公开目录</h1>
      {done && DONE[done] ? <Notice>{DONE[done]}</Notice> : null}
      <ErrorSummary problems={[...form.problems, ...importForm.problems]} />
      <form method="get" action="/admin/catalogue" class="filters">
        <div class="field">
          <label for="f-unit">单位</label>
          <select id="f-unit" name="unit" class="select">
            {units.map((u) => (
              <option
                key={u.id}
                value={String(u.id)}
                selected={u.id === unit.id}
              >{`${'　'.repeat(u.depth)}${u.name}`}</option>
            ))}
          </select>
        </div>
        <Button kind="secondary">查看</Button>
      </form>
      <div class="actions">
        <a href={`/admin/catalogue/${unit.id}/export.xlsx`}>导出 Excel（标准目录格式）</a>
        <a href={`/units/${unit.id}/catalogue`}>查看公开页面</a>
      </div>
      <CatalogueTable
        items={items}
        columnName={name}
        actions={(it) => (
          <a href={`/admin/catalogue/items/${it.id}`}>
            修改<span class="visually-hidden">第 {it.position} 项</span>
          </a>
        )}
      />
      <h2 id="import">导入 Excel</h2>
      <p>
        上传标准目录格式的
        .xlsx（可先导出当前目录作为模板）。导入将替换该单位现有目录；任何一行有误都不会导入。
      </p>
      <form
        method="post"
        action={`/admin/catalogue/${unit.id}/import`}
        encType="multipart/form-data"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <TextField form={importForm} name="file" label="目录文件" type="file" />
        <Button kind="secondary">导入</Button>
      </form>
      <h2 id="add">新增条目</h2>
      <form method="post" action={`/admin/catalogue/${unit.id}/items`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ItemFields form={form} columns={columns} />
        <Button>添加</Button>
      </form>
    </AdminLayout>
  );
}

export function EditItemPage({
  ctx,
  unit,
  item,
  columns,
  form,
}: {
  ctx: ViewContext;
  unit: Unit;
  item: CatalogueItem;
  columns: Columns;
  form?: FormState;
}) {
  const f = form ?? emptyForm({ ...item, columnIds: item.columnIds.map(String) } as Record<string, unknown>);
  return (
    <AdminLayout ctx={ctx} title="修改目录条目">
      <Breadcrumbs
        items={[
          { href: `/admin/catalogue?unit=${unit.id}`, label: `${unit.name}主动公开目录` },
          { label: item.level1 },
        ]}
      />
      <h1>修改目录条目</h1>
      <ErrorSummary problems={f.problems} />
      <form method="post" action={`/admin/catalogue/items/${item.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ItemFields form={f} columns={columns} />
        <Button>保存</Button>
      </form>
      <h2>移除条目</h2>
      <ActionForm
        action={`/admin/catalogue/items/${item.id}/retire`}
        csrf={ctx.csrfToken}
        label="从目录中移除"
        kind="warning"
      />
    </AdminLayout>
  );
}
