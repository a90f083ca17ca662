/** Back-office pages for the unit tree: tree, create/edit form with leaders, move and deactivate. */
import type { Unit } from '../../../db/schema.ts';
import { emptyForm, type FormState, type ViewContext } from '../../../http/view-context.ts';
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
import { LeaderTable } from '../unit.components.tsx';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../unit.model.ts';

const DONE: Record<string, string> = {
  created: '单位已创建。',
  saved: '单位信息已保存。',
  moved: '单位已移动。',
  deactivated: '单位已停用。',
  reactivated: '单位已启用。',
  leader: '领导信息已更新。',
};

export function UnitTreePage({ ctx, units, done }: { ctx: ViewContext; units: Unit[]; done?: string }) {
  const children = (parentId: number | null) => units.filter((u) => u.parent_id === parentId);
  const renderNode = (u: Unit) => (
    <li key={u.id}>
      <a href={`/admin/units/${u.id}`}>{u.name}</a>
      <span class="tag">{UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind}</span>
      {u.active ? null : <span class="tag tag-inactive">已停用</span>}
      {u.credit_code_legacy ? <span class="tag">旧组织机构代码</span> : null}
      {children(u.id).length ? <ul class="tree">{children(u.id).map(renderNode)}</ul> : null}
    </li>
  );
  const roots = units.filter((u) => u.parent_id === null || !units.some((p) => p.id === u.parent_id));
  return (
    <AdminLayout ctx={ctx} title="单位管理">
      <h1>单位管理</h1>
      {done && DONE[done] ? <Notice>{DONE[done]}</Notice> : null}
      <p>单位不会被删除：停用后仍保留其历史信息，以免已发布的信息和记录失去来源。</p>
      <ul class="tree">{roots.map(renderNode)}</ul>
    </AdminLayout>
  );
}

export function unitFormValues(u: Unit): Record<string, unknown> {
  return {
    kind: u.kind,
    name: u.name,
    shortName: u.short_name,
    creditCode: u.credit_code,
    divisionCode: u.division_code,
    sortOrder: u.sort_order,
    functions: u.functions,
    address: u.address,
    postcode: u.postcode,
    officeHours: u.office_hours,
    phone: u.phone,
    fax: u.fax,
    email: u.email,
    website: u.website,
  };
}

function UnitFields({ form }: { form: FormState }) {
  return (
    <>
      <SelectField
        form={form}
        name="kind"
        label="单位类型"
        required
        placeholder="请选择"
        options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
      />
      <TextField form={form} name="name" label="单位名称" required />
      <TextField form={form} name="shortName" label="简称" width="short" />
      <TextField
        form={form}
        name="creditCode"
        label="统一社会信用代码"
        width="short"
        hint="18 位，按 GB 32100-2015 校验；仅有旧的 9 位组织机构代码时可填写该代码，系统会加以标注"
      />
      <TextField
        form={form}
        name="divisionCode"
        label="行政区划代码"
        width="short"
        inputmode="numeric"
        hint="6 位（县级）、9 位（乡级）或 12 位（村级）数字"
      />
      <TextField
        form={form}
        name="sortOrder"
        label="排序号"
        width="short"
        inputmode="numeric"
        hint="数字越小越靠前"
      />
      <TextArea form={form} name="functions" label="机构职能" rows={6} />
      <TextField form={form} name="address" label="办公地址" />
      <TextField form={form} name="postcode" label="邮政编码" width="short" inputmode="numeric" />
      <TextField
        form={form}
        name="officeHours"
        label="办公时间"
        hint="例如：工作日 上午 8:00—12:00，下午 14:30—17:30"
      />
      <TextField form={form} name="phone" label="联系电话" width="short" type="tel" />
      <TextField form={form} name="fax" label="传真" width="short" type="tel" />
      <TextField form={form} name="email" label="电子邮箱" type="email" />
      <TextField form={form} name="website" label="网址" type="url" />
    </>
  );
}

export function NewUnitPage({ ctx, parent, form }: { ctx: ViewContext; parent: Unit; form: FormState }) {
  return (
    <AdminLayout ctx={ctx} title="新建单位">
      <Breadcrumbs
        items={[
          { href: '/admin/units', label: '单位管理' },
          { href: `/admin/units/${parent.id}`, label: parent.name },
          { label: '新建下级单位' },
        ]}
      />
      <h1>在“{parent.name}”下新建单位</h1>
      <ErrorSummary problems={form.problems} />
      <form method="post" action={`/admin/units/new?parent=${parent.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <UnitFields form={form} />
        <Button>创建单位</Button>
      </form>
    </AdminLayout>
  );
}

interface EditProps {
  ctx: ViewContext;
  unit: Unit;
  form: FormState;
  leaders: { id: number; name: string; title: string; duties: string | null }[];
  leaderForm?: FormState;
  moveForm?: FormState;
  moveTargets: Unit[];
  done?: string;
}

export function EditUnitPage({
  ctx,
  unit,
  form,
  leaders,
  leaderForm = emptyForm(),
  moveForm = emptyForm(),
  moveTargets,
  done,
}: EditProps) {
  const problems = [...form.problems, ...leaderForm.problems, ...moveForm.problems];
  return (
    <AdminLayout ctx={ctx} title={unit.name}>
      <Breadcrumbs items={[{ href: '/admin/units', label: '单位管理' }, { label: unit.name }]} />
      <h1>
        {unit.name}
        {unit.active ? null : <span class="tag tag-inactive">已停用</span>}
      </h1>
      {done && DONE[done] ? <Notice>{DONE[done]}</Notice> : null}
      {unit.credit_code_legacy ? (
        <Notice kind="warning">该单位使用的是旧的 9 位组织机构代码，请尽快更新为统一社会信用代码。</Notice>
      ) : null}
      <ErrorSummary problems={problems} />
      <div class="actions">
        {unit.active ? <a href={`/admin/units/new?parent=${unit.id}`}>新建下级单位</a> : null}
        <a href={`/units/${unit.id}`}>查看公开页面</a>
      </div>
      <h2>基本信息</h2>
      <form method="post" action={`/admin/units/${unit.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <UnitFields form={form} />
        <Button>保存</Button>
      </form>
      <LeaderSection ctx={ctx} unit={unit} leaders={leaders} form={leaderForm} />
      {unit.parent_id !== null ? (
        <MoveSection ctx={ctx} unit={unit} form={moveForm} targets={moveTargets} />
      ) : null}
      {unit.parent_id !== null ? (
        <>
          <h2>{unit.active ? '停用单位' : '启用单位'}</h2>
          <p>
            {unit.active
              ? '停用后，该单位不再出现在公开页面和选择列表中，历史信息保留。'
              : '重新启用后，该单位恢复显示。'}
          </p>
          <ActionForm
            action={`/admin/units/${unit.id}/${unit.active ? 'deactivate' : 'reactivate'}`}
            csrf={ctx.csrfToken}
            label={unit.active ? '停用该单位' : '启用该单位'}
            kind={unit.active ? 'warning' : 'secondary'}
          />
        </>
      ) : null}
    </AdminLayout>
  );
}

function LeaderSection({
  ctx,
  unit,
  leaders,
  form,
}: {
  ctx: ViewContext;
  unit: Unit;
  leaders: EditProps['leaders'];
  form: FormState;
}) {
  return (
    <>
      <h2 id="leaders">领导信息</h2>
      {leaders.length ? (
        <LeaderTable
          leaders={leaders}
          action={(l) => (
            <ActionForm
              action={`/admin/units/leaders/${l.id}/delete`}
              csrf={ctx.csrfToken}
              label={`删除 ${l.name}`}
              kind="secondary"
            />
          )}
        />
      ) : (
        <p>尚未录入领导信息。</p>
      )}
      <h3>添加领导</h3>
      <form method="post" action={`/admin/units/${unit.id}/leaders`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField form={form} name="name" label="领导姓名" width="short" required />
        <TextField form={form} name="title" label="职务" required />
        <TextArea form={form} name="duties" label="分工" rows={3} />
        <Button kind="secondary">添加</Button>
      </form>
    </>
  );
}

function MoveSection({
  ctx,
  unit,
  form,
  targets,
}: {
  ctx: ViewContext;
  unit: Unit;
  form: FormState;
  targets: Unit[];
}) {
  return (
    <>
      <h2>调整上级单位</h2>
      <form method="post" action={`/admin/units/${unit.id}/move`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          form={{
            values: { parentId: String(form.values.parentId ?? unit.parent_id ?? '') },
            problems: form.problems,
          }}
          name="parentId"
          label="新的上级单位"
          options={targets.map((t) => ({ value: String(t.id), label: `${'　'.repeat(t.depth)}${t.name}` }))}
        />
        <Button kind="secondary">移动</Button>
      </form>
    </>
  );
}
