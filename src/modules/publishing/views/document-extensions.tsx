/**
 * What document kinds and relations add to the publishing pages: a kind's fields in the document form,
 * its metadata on the document page, and the relations of a document (both directions) on the back-office
 * and public document pages. The built-in kind adds nothing, so ordinary documents look as before.
 */
import type { FormState } from '../../../http/view-context.ts';
import { Button, CsrfField, SelectField, TextArea, TextField } from '../../../http/views/components.tsx';
import {
  BUILT_IN_KIND,
  type DocumentKind,
  type KindField,
  kindFieldName,
} from '../documents/document-kinds.ts';
import {
  type DocumentRelations,
  RELATION_TYPE_LABELS,
  RELATION_TYPES,
  type RelationType,
  type RelationView,
} from '../documents/document-relation.model.ts';
import { StateTag } from './admin-publishing-ui.tsx';

function KindFieldInput({ form, field }: { form: FormState; field: KindField }) {
  const common = {
    form,
    name: kindFieldName(field.name),
    label: field.label,
    required: field.required,
    ...(field.hint ? { hint: field.hint } : {}),
  };
  if (field.type === 'textarea') return <TextArea {...common} rows={3} />;
  if (field.type === 'select')
    return <SelectField {...common} placeholder="请选择" options={[...(field.options ?? [])]} />;
  if (field.type === 'date') return <TextField {...common} type="date" width="short" />;
  return <TextField {...common} />;
}

/** The kind's own fields (and, on a new document, which kind it is); nothing for the built-in kind. */
export function KindFieldset({
  kind,
  form,
  isNew,
}: {
  kind?: DocumentKind;
  form: FormState;
  isNew: boolean;
}) {
  if (!kind || kind.key === BUILT_IN_KIND) return null;
  return (
    <>
      {isNew ? <input type="hidden" name="kind" value={kind.key} /> : null}
      {kind.fields?.length ? (
        <fieldset class="field">
          <legend>{kind.label}信息</legend>
          {kind.fields.map((f) => (
            <KindFieldInput key={f.name} form={form} field={f} />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}

/** Summary rows of the kind and its metadata (none for the built-in kind). */
export function kindSummaryRows(
  kind: DocumentKind | undefined,
  metadata: Record<string, unknown>,
): [string, string | null][] {
  if (!kind || kind.key === BUILT_IN_KIND) return [];
  const text = (f: KindField) => {
    const v = metadata[f.name];
    if (v === undefined || v === null || v === '') return null;
    return f.options?.find((o) => o.value === String(v))?.label ?? String(v);
  };
  return [
    ['信息类型', kind.label],
    ...(kind.fields ?? []).map((f): [string, string | null] => [f.label, text(f)]),
  ];
}

/** Headed lists of a document's relations, one per type and direction that has any. */
function groups(relations: DocumentRelations) {
  const out: { key: string; heading: string; items: RelationView[] }[] = [];
  for (const type of RELATION_TYPES)
    for (const direction of ['incoming', 'outgoing'] as const) {
      const items = relations[direction].filter((r) => r.type === type);
      if (items.length)
        out.push({ key: `${type}-${direction}`, heading: RELATION_TYPE_LABELS[type][direction], items });
    }
  return out;
}

/** The public page: related published documents by relation ("本文件的解读", "解读的文件" …); none = nothing. */
export function PublicRelations({ relations }: { relations?: DocumentRelations | undefined }) {
  if (!relations) return null;
  return (
    <>
      {groups(relations).map((g) => (
        <section key={g.key} aria-labelledby={`rel-${g.key}`}>
          <h2 id={`rel-${g.key}`}>{g.heading}</h2>
          <ul>
            {g.items.map((r) => (
              <li key={r.id}>
                <a href={`/documents/${r.documentId}`}>{r.title}</a>
                {r.docNumber ? `（${r.docNumber}）` : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** The back-office page: every relation with the other end's state, removable, and the add form. */
export function AdminRelations(p: {
  docId: number;
  csrf: string;
  relations: DocumentRelations;
  canEdit: boolean;
  form?: FormState | undefined;
}) {
  const all = groups(p.relations);
  const form: FormState = p.form ?? { values: {}, problems: [] };
  return (
    <>
      <h2 id="relations">关联信息</h2>
      {all.length ? null : <p>尚无关联信息。</p>}
      {all.map((g) => (
        <section key={g.key} aria-labelledby={`rel-${g.key}`}>
          <h3 id={`rel-${g.key}`}>{g.heading}</h3>
          <ul>
            {g.items.map((r) => (
              <li key={r.id}>
                <a href={`/admin/documents/${r.documentId}`}>{r.title}</a> <StateTag state={r.state} />
                {p.canEdit && p.relations.outgoing.includes(r) ? (
                  <form
                    method="post"
                    action={`/admin/documents/${p.docId}/relations/${r.id}/remove`}
                    class="inline-form"
                  >
                    <CsrfField token={p.csrf} />
                    <Button kind="warning">{`取消关联“${r.title}”`}</Button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {p.canEdit ? (
        <form method="post" action={`/admin/documents/${p.docId}/relations`} novalidate>
          <CsrfField token={p.csrf} />
          <SelectField
            form={form}
            name="type"
            label="本信息与所选信息的关系"
            placeholder="请选择"
            options={RELATION_TYPES.map((t: RelationType) => ({
              value: t,
              label: `本信息${RELATION_TYPE_LABELS[t].label}所选信息`,
            }))}
          />
          <TextField
            form={form}
            name="toId"
            label="关联信息编号"
            width="short"
            inputmode="numeric"
            hint="所选信息详情页地址中的数字，例如 /admin/documents/12 的 12"
          />
          <Button kind="secondary">添加关联</Button>
        </form>
      ) : null}
    </>
  );
}
