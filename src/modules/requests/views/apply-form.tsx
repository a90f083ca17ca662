/**
 * The application form (条例 第二十九条), used online by the public and by staff at intake. Without
 * JavaScript both applicant fieldsets are shown; only the one chosen by the radio is validated.
 */
import type { Unit } from '../../../db/schema.ts';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import { FORM_TOKEN_FIELD, HONEYPOT_FIELD } from '../../../lib/form-abuse.ts';
import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  CARRIER_LABELS,
  CARRIERS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
  ID_TYPE_LABELS,
  ID_TYPES,
  ORGANISATION_CATEGORIES,
  REPORT_CATEGORY_LABELS,
} from '../info-request.model.ts';
import { RadioGroup, RequestsStyles } from './request-ui.tsx';

const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** The applicant, information and delivery fields (shared by the public form and staff intake). */
export function ApplicationFields({ form }: { form: FormState }) {
  return (
    <>
      <RadioGroup
        form={form}
        name="applicantKind"
        legend="申请人类型（必填）"
        options={opts(APPLICANT_KINDS, APPLICANT_KIND_LABELS)}
        hint="选择后，只需填写对应的一组信息"
      />
      <TextField
        form={form}
        name="name"
        label="姓名或名称"
        required
        hint="公民填写姓名；法人或其他组织填写单位全称"
      />
      <fieldset class="group">
        <legend>申请人为公民的，请填写</legend>
        <SelectField
          form={form}
          name="idType"
          label="证件类型"
          placeholder="请选择"
          options={opts(ID_TYPES, ID_TYPE_LABELS)}
        />
        <TextField
          form={form}
          name="idNumber"
          label="证件号码"
          width="short"
          autocomplete="off"
          hint="居民身份证为 18 位，最后一位可能是 X"
        />
        <TextField form={form} name="workUnit" label="工作单位（选填）" />
      </fieldset>
      <fieldset class="group">
        <legend>申请人为法人或其他组织的，请填写</legend>
        <TextField
          form={form}
          name="creditCode"
          label="统一社会信用代码"
          width="short"
          hint="18 位，含校验码"
        />
        <TextField form={form} name="legalRepresentative" label="法定代表人" width="short" />
        <TextField form={form} name="contactName" label="联系人" width="short" />
        <SelectField
          form={form}
          name="orgCategory"
          label="组织类别"
          placeholder="请选择"
          options={opts(ORGANISATION_CATEGORIES, REPORT_CATEGORY_LABELS)}
        />
      </fieldset>
      <fieldset class="group">
        <legend>联系方式</legend>
        <TextField form={form} name="address" label="通信地址" required autocomplete="street-address" />
        <TextField
          form={form}
          name="postcode"
          label="邮政编码"
          width="short"
          required
          inputmode="numeric"
          autocomplete="postal-code"
        />
        <TextField
          form={form}
          name="phone"
          label="联系电话"
          width="short"
          required
          type="tel"
          autocomplete="tel"
        />
        <TextField form={form} name="email" label="电子邮箱（选填）" type="email" autocomplete="email" />
      </fieldset>
      <fieldset class="group">
        <legend>所需信息（名称、文号、描述至少填写一项）</legend>
        <TextField form={form} name="infoName" label="信息名称" />
        <TextField form={form} name="infoDocNumber" label="文号" width="short" />
        <TextArea
          form={form}
          name="infoDescription"
          label="所需信息的描述"
          hint="便于查找的其他特征，例如制作时间、事项、地点"
          rows={4}
        />
      </fieldset>
      <RadioGroup
        form={form}
        name="deliveryMethod"
        legend="获取信息的方式（必填）"
        options={opts(DELIVERY_METHODS, DELIVERY_METHOD_LABELS)}
      />
      <RadioGroup
        form={form}
        name="carrier"
        legend="信息的载体形式（必填）"
        options={opts(CARRIERS, CARRIER_LABELS)}
      />
    </>
  );
}

export function ApplyPage({ ctx, unit, form }: { ctx: ViewContext; unit: Unit; form: FormState }) {
  return (
    <PublicLayout ctx={ctx} title={`向${unit.name}申请政府信息公开`}>
      <RequestsStyles />
      <Breadcrumbs
        items={[
          { href: '/requests', label: '依申请公开' },
          { href: `/requests/units/${unit.id}`, label: '申请指南' },
          { label: '在线申请' },
        ]}
      />
      <h1>向{unit.name}申请政府信息公开</h1>
      <ErrorSummary problems={form.problems} />
      <form
        method="post"
        action={`/requests/units/${unit.id}/apply`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={String(form.values.idempotencyKey ?? '')} />
        <input type="hidden" name={FORM_TOKEN_FIELD} value={String(form.values[FORM_TOKEN_FIELD] ?? '')} />
        <div hidden>
          <label for="f-website">请勿填写此项</label>
          <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <ApplicationFields form={form} />
        <FileField
          form={form}
          name="idScan"
          label="身份证明扫描件（选填）"
          hint="JPG、PNG 或 PDF，不超过 5 MB"
          accept=".jpg,.jpeg,.png,.pdf"
        />
        <p>提交即表示您确认所填信息真实。个人信息仅用于办理本申请，加密保存。</p>
        <Button>提交申请</Button>
      </form>
    </PublicLayout>
  );
}
