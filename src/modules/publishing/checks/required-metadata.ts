import type { RawFinding } from './finding.ts';

/**
 * Metadata of a 政府信息 as entered by the editor (regulations §9: the common metadata block). Values are
 * strings or lists (发文机关 of a joint issuance); empty strings and empty lists count as missing.
 */
export interface DocumentMetadataInput {
  title?: string;
  indexNumber?: string;
  topic?: string;
  publisher?: string;
  issuers?: readonly string[];
  docNumber?: string;
  genre?: string;
  writtenOn?: string;
  formedOn?: string;
  disclosureMode?: string;
  keywords?: readonly string[];
  summary?: string;
  source?: string;
  validity?: string;
}

/** A metadata field that can be required. */
export type MetadataField = keyof DocumentMetadataInput;

/** Chinese labels of the fields, for messages. */
export const METADATA_LABELS: Readonly<Record<MetadataField, string>> = {
  title: '标题',
  indexNumber: '索引号',
  topic: '主题分类',
  publisher: '发布机构',
  issuers: '发文机关',
  docNumber: '发文字号',
  genre: '文种',
  writtenOn: '成文日期',
  formedOn: '信息形成日期',
  disclosureMode: '公开方式',
  keywords: '关键词',
  summary: '内容概述',
  source: '来源',
  validity: '有效性',
};

/**
 * Required by default: the fields of the metadata block every document page shows (regulations §9) that
 * the editor must supply; 索引号 and 发布日期 are assigned at publication, 信息形成日期 feeds the lateness check.
 */
export const DEFAULT_REQUIRED_METADATA: readonly MetadataField[] = [
  'title',
  'publisher',
  'writtenOn',
  'topic',
  'formedOn',
];

function isMissing(value: string | readonly string[] | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  return value.every((v) => v.trim() === '');
}

/** One finding per required field that is missing or blank. */
export function checkRequiredMetadata(
  metadata: DocumentMetadataInput,
  required: readonly MetadataField[],
): RawFinding[] {
  return required
    .filter((field) => isMissing(metadata[field]))
    .map((field) => ({ message: `未填写${METADATA_LABELS[field]}` }));
}
