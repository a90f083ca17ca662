/**
 * The document kinds of the library and of 政策解读, registered with 主动公开's kind registry
 * (docs/publishing-extension-points.md). 制定机关 and 发文字号 are the core 发文机关 / 发文字号 fields; the
 * library's own dates and 登记号 are the kind's metadata. The 有效性 is derived (validity.ts).
 */
import type { DocumentKind } from '../publishing/documents/document-kinds.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  INTERPRETATION_COLUMN_KEY,
  INTERPRETATION_FORM_LABELS,
  INTERPRETATION_FORMS,
  INTERPRETATION_KIND,
  type InterpretationMetadata,
  interpretationMetadataSchema,
  LIBRARY_COLUMN_KEY,
  POLICY_KIND_LABELS,
  POLICY_KINDS,
  type PolicyKind,
  type PolicyMetadata,
  policyMetadataSchema,
} from './policy.model.ts';

export const DERIVED_VALIDITY_NOTE =
  '由规范性文件库根据施行日期、有效期和修改、废止、失效等记录自动确定，不在此填写（发布后在文件库中记录变化）';

export function policyKind(key: PolicyKind): DocumentKind<PolicyMetadata> {
  return {
    key,
    label: POLICY_KIND_LABELS[key],
    metadataSchema: policyMetadataSchema,
    fields: [
      {
        name: 'registrationNumber',
        label: '统一登记号',
        hint:
          key === 'normative'
            ? '行政规范性文件须统一登记、统一编号（三统一），例如 HHCR-2023-01005'
            : '有统一登记号时填写',
        type: 'text',
      },
      { name: 'publishedOn', label: '公布日期', type: 'date', hint: '不填则以发布日期为准' },
      {
        name: 'effectiveOn',
        label: '施行日期',
        type: 'date',
        hint: '不能早于公布日期；不填则自公布之日起施行',
      },
      {
        name: 'expiresOn',
        label: '有效期至',
        type: 'date',
        hint: '不填则按正文“有效期X年”等条款，或按本地规定的默认有效期推定',
      },
      {
        name: 'interpretationPlan',
        label: '解读方案',
        type: 'textarea',
        hint: '三同步：须同步解读的文件，送审前须有解读方案、关联的解读材料，或写明无需解读的理由',
      },
      { name: 'noInterpretationReason', label: '无需解读的理由', type: 'textarea' },
    ],
    listColumns: [
      { header: '登记号', value: (m) => m.registrationNumber ?? null },
      { header: '施行日期', value: (m) => m.effectiveOn ?? null },
    ],
    defaultColumns: [LIBRARY_COLUMN_KEY],
    relations: {
      from: ['amends', 'repeals'],
      to: ['interpretation_of', 'amends', 'repeals', 'feedback_on'],
    },
    derivedValidity: DERIVED_VALIDITY_NOTE,
  };
}

export const interpretationKind: DocumentKind<InterpretationMetadata> = {
  key: INTERPRETATION_KIND,
  label: '政策解读',
  metadataSchema: interpretationMetadataSchema,
  fields: [
    {
      name: 'form',
      label: '解读形式',
      type: 'select',
      required: true,
      options: INTERPRETATION_FORMS.map((f) => ({ value: f, label: INTERPRETATION_FORM_LABELS[f] })),
    },
    { name: 'interpreter', label: '解读人', type: 'text', hint: '例如 县人力资源和社会保障局局长 张某' },
    {
      name: 'byPrincipal',
      label: '是否由主要负责人解读',
      type: 'select',
      options: [
        { value: 'no', label: '否' },
        { value: 'yes', label: '是' },
      ],
    },
  ],
  listColumns: [{ header: '解读形式', value: (m) => INTERPRETATION_FORM_LABELS[m.form] ?? null }],
  defaultColumns: [INTERPRETATION_COLUMN_KEY],
  relations: {
    from: ['interpretation_of'],
    to: ['feedback_on'],
    targetKinds: { interpretation_of: POLICY_KINDS },
  },
};

/** Registers the four kinds (once per App). */
export function registerPolicyKinds(publishing: Pick<PublishingApi, 'kinds'>): void {
  for (const key of POLICY_KINDS) publishing.kinds.register(policyKind(key));
  publishing.kinds.register(interpretationKind);
}
