import { describe, expect, it } from 'vitest';
import {
  checkRequiredMetadata,
  DEFAULT_REQUIRED_METADATA,
  type DocumentMetadataInput,
} from './required-metadata.ts';

const complete: DocumentMetadataInput = {
  title: '关于印发2022年政务公开工作要点的通知',
  publisher: '中方县人民政府办公室',
  writtenOn: '2022-07-20',
  topic: '综合政务',
  formedOn: '2022-07-20',
};

describe('checkRequiredMetadata', () => {
  it('accepts complete metadata', () => {
    expect(checkRequiredMetadata(complete, DEFAULT_REQUIRED_METADATA)).toEqual([]);
  });

  it.each([
    ['title', '未填写标题'],
    ['publisher', '未填写发布机构'],
    ['writtenOn', '未填写成文日期'],
    ['topic', '未填写主题分类'],
    ['formedOn', '未填写信息形成日期'],
  ] as const)('reports a missing %s', (field, message) => {
    const { [field]: _dropped, ...rest } = complete;
    expect(checkRequiredMetadata(rest, DEFAULT_REQUIRED_METADATA)).toEqual([{ message }]);
  });

  it('treats blank strings and empty lists as missing', () => {
    const findings = checkRequiredMetadata({ ...complete, title: '  ', issuers: [''] }, [
      ...DEFAULT_REQUIRED_METADATA,
      'issuers',
    ]);
    expect(findings.map((f) => f.message)).toEqual(['未填写标题', '未填写发文机关']);
  });

  it('follows the configuration', () => {
    expect(checkRequiredMetadata({}, ['docNumber'])).toEqual([{ message: '未填写发文字号' }]);
    expect(checkRequiredMetadata({}, [])).toEqual([]);
  });
});
