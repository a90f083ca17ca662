/** The document form (新建 / 修改草稿 / 更正已发布信息) with every metadata field of issue 3 §3. */
import type { Unit } from '../../../db/schema.ts';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  FileField,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  DISCLOSURE_MODE_LABELS,
  DISCLOSURE_MODES,
  GENRES,
  VALIDITIES,
  VALIDITY_LABELS,
  WITHHOLDING_GROUND_LABELS,
  WITHHOLDING_GROUNDS,
} from '../documents/document.model.ts';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from '../documents/document.service.ts';
import type { DocumentKind } from '../documents/document-kinds.ts';
import type { SiteColumn } from '../publishing.tables.ts';
import { columnPathNames } from './admin-publishing-ui.tsx';
import { KindFieldset } from './document-extensions.tsx';

export type DocumentFormMode = 'new' | 'edit' | 'correct';

export interface DocumentFormProps {
  ctx: ViewContext;
  unit: Unit;
  form: FormState;
  topics: { id: number; name: string; active: number }[];
  columns: SiteColumn[];
  mode: DocumentFormMode;
  docId?: number;
  /** Name of the .docx the values were read from (Word import). */
  importedFrom?: string;
  /** The document's kind (document-kinds.ts): its own fields follow the core ones. */
  kind?: DocumentKind | undefined;
}

const TITLES: Record<DocumentFormMode, string> = {
  new: '新建信息',
  edit: '修改信息草稿',
  correct: '更正已发布信息',
};
const ACCEPT = ATTACHMENT_KINDS.map((k) => `.${k}`).join(',');

/** 有效性 · 施行日期 · 废止日期 (regulations §6), shared with the 变更有效性 form of a published document. */
export function ValidityFieldset({ form }: { form: FormState }) {
  return (
    <fieldset class="field">
      <legend>有效性（规范性文件等需标注时填写）</legend>
      <SelectField
        form={form}
        name="validity"
        label="有效性"
        placeholder="（不标注）"
        hint="已修改、废止或失效的文件须在原文上标注（国办发〔2017〕47号）"
        options={VALIDITIES.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
      />
      <TextField
        form={form}
        name="effectiveOn"
        label="施行日期"
        type="date"
        width="short"
        hint="格式 2026-03-02"
      />
      <TextField
        form={form}
        name="repealedOn"
        label="废止日期"
        type="date"
        width="short"
        hint="有效性为“废止”时必填，不能早于施行日期"
      />
    </fieldset>
  );
}

export function DocumentFormPage(p: DocumentFormProps) {
  const { ctx, unit, form, mode } = p;
  const action =
    mode === 'new'
      ? '/admin/documents/new'
      : `/admin/documents/${p.docId}/${mode === 'edit' ? 'edit' : 'correct'}`;
  const names = columnPathNames(p.columns);
  const listColumns = p.columns.filter((c) => c.kind === 'list' && c.active === 1);
  return (
    <AdminLayout ctx={ctx} title={TITLES[mode]}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '工作台' },
          { href: '/admin/documents', label: '信息发布' },
          ...(p.docId ? [{ href: `/admin/documents/${p.docId}`, label: '信息详情' }] : []),
          { label: TITLES[mode] },
        ]}
      />
      <h1>{TITLES[mode]}</h1>
      <ErrorSummary problems={form.problems} />
      {p.importedFrom ? (
        <Notice kind="info">
          已从“{p.importedFrom}”读取正文，并推测了标题、发文字号、成文日期和发文机关，请逐项核对后保存。
        </Notice>
      ) : null}
      <p class="lead">发布单位：{unit.name}。索引号和发布日期在发布时自动生成。</p>
      <form method="post" action={action} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="unitId" value={String(unit.id)} />
        <TextField form={form} name="title" label="标题" required />
        <TextArea
          form={form}
          name="issuers"
          label="发文机关"
          rows={2}
          hint="每行一个；联合发文时填写多个机关"
        />
        <TextField
          form={form}
          name="docNumber"
          label="发文字号"
          width="short"
          hint="例如 张政办发〔2022〕14号；各种括号和全角半角写法在保存时统一"
        />
        <SelectField
          form={form}
          name="genre"
          label="文种"
          placeholder="请选择"
          options={GENRES.map((g) => ({ value: g, label: g }))}
        />
        <SelectField
          form={form}
          name="topicId"
          label="主题分类"
          placeholder="请选择"
          options={p.topics
            .filter((t) => t.active === 1)
            .map((t) => ({ value: String(t.id), label: t.name }))}
        />
        <TextField
          form={form}
          name="writtenOn"
          label="成文日期"
          type="date"
          width="short"
          hint="格式 2026-03-02"
        />
        <TextField
          form={form}
          name="formedOn"
          label="信息形成日期"
          type="date"
          width="short"
          hint="用于检查是否在20个工作日内公开（条例第二十六条）"
        />
        <SelectField
          form={form}
          name="disclosureMode"
          label="公开方式"
          options={DISCLOSURE_MODES.map((m) => ({ value: m, label: DISCLOSURE_MODE_LABELS[m] }))}
        />
        <SelectField
          form={form}
          name="withheldGround"
          label="不予公开依据"
          hint="仅在公开方式为“不予公开”时选择"
          placeholder="（不适用）"
          options={WITHHOLDING_GROUNDS.map((g) => ({ value: g, label: WITHHOLDING_GROUND_LABELS[g] }))}
        />
        {p.kind?.derivedValidity ? (
          <p class="hint">有效性：{p.kind.derivedValidity}</p>
        ) : (
          <ValidityFieldset form={form} />
        )}
        <KindFieldset kind={p.kind} form={form} isNew={mode === 'new'} />
        {listColumns.length ? (
          <CheckboxGroup
            form={form}
            name="columnIds"
            legend="发布到栏目"
            hint="可选择多个栏目；信息只保存一份，在所选栏目中同时显示"
            options={listColumns.map((c) => ({ value: String(c.id), label: names.get(c.id) ?? c.name }))}
          />
        ) : (
          <p class="hint">本单位还没有可发布信息的栏目。</p>
        )}
        <TextField form={form} name="keywords" label="关键词" hint="多个关键词用逗号或顿号分隔" />
        <TextArea form={form} name="summary" label="内容概述" rows={3} />
        <TextField form={form} name="source" label="来源" width="short" />
        <TextArea
          form={form}
          name="bodyHtml"
          label="正文"
          rows={14}
          hint="正文为 HTML；保存时会自动清除不安全的标签和属性"
        />
        {mode === 'correct' ? (
          <TextArea
            form={form}
            name="correctionNote"
            label="更正说明"
            rows={3}
            required
            hint="将与更正日期一起显示在公开页面上"
          />
        ) : (
          <FileField
            form={form}
            name="attachments"
            label="附件"
            multiple
            accept={ACCEPT}
            hint={`可选择多个文件；支持 pdf、ofd、doc、docx、xls、xlsx、wps、et、jpg、png、zip，每个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`}
          />
        )}
        <Button>{mode === 'correct' ? '保存更正' : '保存草稿'}</Button>
      </form>
    </AdminLayout>
  );
}
