/** 栏目 administration: a unit's column tree, creating 专题专栏, editing, moving and deactivating columns. */
import type { Unit } from '../../../db/schema.ts';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { FieldProblem } from '../../../lib/errors.ts';
import {
  COLUMN_KIND_LABELS,
  COLUMN_KINDS,
  type ColumnKind,
  UPDATE_CYCLE_LABELS,
  UPDATE_CYCLES,
  type UpdateCycle,
} from '../columns/column.model.ts';
import type { SiteColumn } from '../publishing.tables.ts';
import { columnPathNames } from './admin-publishing-ui.tsx';

/** 专题专栏 the seeds name (issue 3 §1), offered as suggestions. */
const TOPIC_COLUMN_SUGGESTIONS = [
  '优化营商环境',
  '减税降费',
  '乡村振兴',
  '双随机、一公开',
  '疫情防控',
  '十四五规划',
  '政府常务会议',
  '政务公开主题日',
] as const;

interface Common {
  ctx: ViewContext;
  unit: Unit;
  columns: SiteColumn[];
  /** Units that may be chosen as responsible unit (the unit and its subtree). */
  units: Unit[];
}

/** Tree order: each column followed by its children (the repository returns depth order). */
function treeOrder(columns: readonly SiteColumn[]): SiteColumn[] {
  const ids = new Set(columns.map((c) => c.id));
  const children = new Map<number | null, SiteColumn[]>();
  for (const c of columns) {
    const parent = c.parent_id !== null && ids.has(c.parent_id) ? c.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: SiteColumn[] = [];
  const walk = (parent: number | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
    for (const c of list) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

function ColumnFields({
  form,
  units,
  withParent,
  columns,
}: {
  form: FormState;
  units: Unit[];
  withParent?: boolean;
  columns: SiteColumn[];
}) {
  const names = columnPathNames(columns);
  return (
    <>
      <TextField
        form={form}
        name="name"
        label="栏目名称"
        required
        hint={`专题专栏可参考：${TOPIC_COLUMN_SUGGESTIONS.join('、')}`}
      />
      {withParent ? (
        <SelectField
          form={form}
          name="parentId"
          label="上级栏目"
          placeholder="（顶层栏目）"
          options={treeOrder(columns)
            .filter((c) => c.active === 1)
            .map((c) => ({ value: String(c.id), label: names.get(c.id) ?? c.name }))}
        />
      ) : null}
      <SelectField
        form={form}
        name="kind"
        label="栏目类型"
        options={COLUMN_KINDS.map((k) => ({ value: k, label: COLUMN_KIND_LABELS[k] }))}
      />
      <SelectField
        form={form}
        name="updateCycle"
        label="更新周期"
        options={UPDATE_CYCLES.map((c) => ({ value: c, label: UPDATE_CYCLE_LABELS[c] }))}
      />
      <SelectField
        form={form}
        name="responsibleUnitId"
        label="责任单位"
        options={units.map((u) => ({ value: String(u.id), label: u.name }))}
      />
      <TextField
        form={form}
        name="externalUrl"
        label="外链地址"
        hint="仅外链栏目填写，以 http:// 或 https:// 开头"
      />
      <TextArea
        form={form}
        name="pageHtml"
        label="单页内容"
        rows={6}
        hint="仅单页栏目填写；HTML，保存时自动清理"
      />
      <TextField
        form={form}
        name="sortOrder"
        label="排序号"
        width="short"
        inputmode="numeric"
        hint="数字小的排在前面"
      />
    </>
  );
}

export function ColumnsPage(p: Common & { all: Unit[]; form: FormState; done?: string }) {
  const { ctx, unit } = p;
  const byId = new Map(p.all.map((u) => [u.id, u.name]));
  return (
    <AdminLayout ctx={ctx} title="栏目管理">
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '栏目管理' }]} />
      <h1>栏目管理 · {unit.name}</h1>
      {p.done ? <Notice>栏目已保存。</Notice> : null}
      <form method="get" action="/admin/columns" class="filters">
        <div class="field">
          <label for="f-unit-pick">单位</label>
          <select id="f-unit-pick" name="unit" class="select">
            {p.all.map((u) => (
              <option key={u.id} value={String(u.id)} selected={u.id === unit.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          查看
        </button>
      </form>
      <div class="table-wrap">
        <table>
          <caption>栏目（共 {p.columns.length} 个）</caption>
          <thead>
            <tr>
              <th scope="col">栏目名称</th>
              <th scope="col">类型</th>
              <th scope="col">更新周期</th>
              <th scope="col">责任单位</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {treeOrder(p.columns).map((c) => (
              <tr key={c.id}>
                <td>
                  <span aria-hidden="true">{'　'.repeat(c.depth)}</span>
                  {c.name}
                </td>
                <td>{COLUMN_KIND_LABELS[c.kind as ColumnKind] ?? c.kind}</td>
                <td>{UPDATE_CYCLE_LABELS[c.update_cycle as UpdateCycle] ?? c.update_cycle}</td>
                <td>{byId.get(c.responsible_unit_id) ?? '—'}</td>
                <td>{c.active ? '启用' : <span class="tag tag-inactive">已停用</span>}</td>
                <td>
                  <a href={`/admin/columns/${c.id}`}>
                    编辑<span class="visually-hidden">“{c.name}”</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="new-column">新建栏目（专题专栏）</h2>
      <ErrorSummary problems={p.form.problems} />
      <form method="post" action="/admin/columns/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="unitId" value={String(unit.id)} />
        <ColumnFields form={p.form} units={p.units} columns={p.columns} withParent />
        <Button>新建栏目</Button>
      </form>
    </AdminLayout>
  );
}

export function EditColumnPage(
  p: Common & {
    column: SiteColumn;
    form: FormState;
    moveForm?: FormState;
    activeProblems?: FieldProblem[];
    done?: string;
  },
) {
  const { ctx, column: c } = p;
  const names = columnPathNames(p.columns);
  const targets = treeOrder(p.columns).filter((t) => t.active === 1 && !t.path.startsWith(c.path));
  const moveForm = p.moveForm ?? {
    values: { parentId: c.parent_id === null ? '' : String(c.parent_id) },
    problems: [],
  };
  return (
    <AdminLayout ctx={ctx} title={`编辑栏目 ${c.name}`}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '工作台' },
          { href: `/admin/columns?unit=${c.unit_id}`, label: '栏目管理' },
          { label: c.name },
        ]}
      />
      <h1>编辑栏目“{c.name}”</h1>
      {p.done ? (
        <Notice>
          {p.done === 'moved' ? '栏目已移动。' : p.done === 'active' ? '栏目状态已更改。' : '栏目已保存。'}
        </Notice>
      ) : null}
      <ErrorSummary
        problems={[...p.form.problems, ...(p.moveForm?.problems ?? []), ...(p.activeProblems ?? [])]}
      />
      <form method="post" action={`/admin/columns/${c.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ColumnFields form={p.form} units={p.units} columns={p.columns} />
        <Button>保存</Button>
      </form>
      <h2>移动栏目</h2>
      <form method="post" action={`/admin/columns/${c.id}/move`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          form={moveForm}
          name="parentId"
          label="移动到"
          placeholder="（顶层栏目）"
          options={targets.map((t) => ({ value: String(t.id), label: names.get(t.id) ?? t.name }))}
        />
        <Button kind="secondary">移动</Button>
      </form>
      <h2 id="f-active" tabindex={-1}>
        {c.active ? '停用栏目' : '启用栏目'}
      </h2>
      <p class="hint">
        {c.active
          ? '停用后栏目不再在网站上显示；有未停用下级栏目的栏目不能停用。'
          : '启用后栏目重新在网站上显示。'}
      </p>
      <ActionForm
        action={`/admin/columns/${c.id}/${c.active ? 'deactivate' : 'reactivate'}`}
        csrf={ctx.csrfToken}
        label={c.active ? '停用栏目' : '启用栏目'}
        kind={c.active ? 'warning' : 'secondary'}
      />
    </AdminLayout>
  );
}
