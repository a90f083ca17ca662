/** The settings page of the pre-publication checks: severity per check, required metadata, word lists, hosts. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CheckboxGroup,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  MAX_LIST_ENTRIES,
  MAX_WORD_LENGTH,
  REQUIRABLE_FIELDS,
  SEVERITIES,
  SEVERITY_LABELS,
  severityField,
} from '../check-settings.service.ts';
import { METADATA_LABELS } from '../checks/required-metadata.ts';
import { CHECK_LABELS, CHECK_NAMES } from '../pre-publication-checks.ts';

const TITLE = '发布前检查设置';

export function CheckSettingsPage({ ctx, form, done }: { ctx: ViewContext; form: FormState; done: boolean }) {
  return (
    <AdminLayout ctx={ctx} title={TITLE}>
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: TITLE }]} />
      <h1>{TITLE}</h1>
      <ErrorSummary problems={form.problems} />
      {done ? <Notice>发布前检查设置已保存，之后的提交、审核和发布按新设置检查。</Notice> : null}
      <p class="lead">
        信息提交保密审查和发布前会自动检查。“阻止发布”的问题必须修改后才能发布；“提醒审核人”的问题显示给审查和审核人员，由其判断；“不检查”则不运行该项检查。设置适用于全站所有单位，每次修改都记入审计日志。
      </p>
      <form method="post" action="/admin/publishing/checks" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="field">
          <legend>
            <h2>各项检查的处理方式</h2>
          </legend>
          {CHECK_NAMES.map((c) => (
            <SelectField
              key={c}
              form={form}
              name={severityField(c)}
              label={CHECK_LABELS[c]}
              options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
            />
          ))}
        </fieldset>
        <CheckboxGroup
          form={form}
          name="requiredMetadata"
          legend="必填元数据"
          hint="发布前检查这些字段是否已填写（索引号在发布时自动生成，不在此列）"
          options={REQUIRABLE_FIELDS.map((f) => ({ value: f, label: METADATA_LABELS[f] }))}
        />
        <TextArea
          form={form}
          name="typos"
          label="常见错别字"
          rows={10}
          hint={`每行一条：错误写法、正确写法，之后可写不应报告的正确长词（须包含错误写法），用空格分隔，例如“布署 部署 布署名”。最多 ${MAX_LIST_ENTRIES} 条，每个词不超过 ${MAX_WORD_LENGTH} 个字符`}
        />
        <TextArea
          form={form}
          name="sensitiveWords"
          label="敏感词"
          rows={8}
          hint={`每行一个（也可用逗号或顿号分隔）；初始列表取自新华社《新闻报道中的禁用词和慎用词》。最多 ${MAX_LIST_ENTRIES} 个`}
        />
        <TextArea
          form={form}
          name="allowedHosts"
          label="允许链接的网站"
          rows={4}
          hint="每行一个域名（含其子域名），例如 people.com.cn；gov.cn 域名和本站地址始终允许，不能填写IP地址"
        />
        <Button>保存设置</Button>
      </form>
    </AdminLayout>
  );
}
