import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionalText, requiredText } from '../../../lib/validation.ts';
import { CheckRegistry } from '../checks/check-registry.ts';
import { BUILT_IN_CHECKS } from '../checks/pre-publication-checks.ts';
import {
  BUILT_IN_KIND,
  type DocumentKind,
  DocumentKindRegistry,
  GOVERNMENT_INFORMATION_KIND,
  kindMetadataOf,
} from './document-kinds.ts';

const normative: DocumentKind<{ organ: string; basis: string | null }> = {
  key: 'normative',
  label: '规范性文件',
  metadataSchema: z.object({ organ: requiredText('制定机关', 100), basis: optionalText('制定依据', 200) }),
  fields: [
    { name: 'organ', label: '制定机关', type: 'text', required: true },
    { name: 'basis', label: '制定依据', type: 'textarea' },
  ],
  listColumns: [{ header: '制定机关', value: (m) => m.organ }],
  checks: [{ name: 'library.basis', label: '制定依据', defaultSeverity: 'warn', run: () => [] }],
};

describe('DocumentKindRegistry', () => {
  it('knows the built-in 政府信息 kind, which has no fields; unknown stored keys read as it', () => {
    const kinds = new DocumentKindRegistry();
    expect(kinds.list()).toEqual([GOVERNMENT_INFORMATION_KIND]);
    expect(kinds.of(BUILT_IN_KIND).label).toBe('政府信息');
    expect(kinds.of('removed_module').key).toBe(BUILT_IN_KIND);
    expect(kinds.get('removed_module')).toBeUndefined();
    expect(kinds.parseMetadata(kinds.of(BUILT_IN_KIND), { 'meta.x': 'y' })).toEqual({ metadata: null });
  });

  it('parses a kind’s fields from meta.<name> form values; problems name the form field in Chinese', () => {
    const kinds = new DocumentKindRegistry(new CheckRegistry(BUILT_IN_CHECKS));
    kinds.register(normative);
    const kind = kinds.get('normative')!;
    expect(kinds.parseMetadata(kind, { 'meta.organ': ' 县人民政府 ', title: 'x' })).toEqual({
      metadata: { organ: '县人民政府', basis: null },
    });
    expect(kinds.parseMetadata(kind, { 'meta.basis': 'x'.repeat(201) })).toEqual({
      problems: [
        { field: 'meta.organ', message: '请填写制定机关' },
        { field: 'meta.basis', message: '制定依据不能超过 200 个字符' },
      ],
    });
  });

  it('gives form values of stored metadata and list columns with their kind', () => {
    const kinds = new DocumentKindRegistry(new CheckRegistry(BUILT_IN_CHECKS));
    kinds.register(normative);
    const kind = kinds.get('normative')!;
    expect(kinds.formValues(kind, '{"organ":"县人民政府","basis":null}')).toEqual({
      'meta.organ': '县人民政府',
      'meta.basis': '',
    });
    expect(kinds.listColumns().map((c) => [c.kind.key, c.column.header])).toEqual([
      ['normative', '制定机关'],
    ]);
    expect(kindMetadataOf('not json')).toEqual({});
    expect(kindMetadataOf(null)).toEqual({});
  });

  it('registers the kind’s checks for its documents only; refuses bad or repeated keys', () => {
    const checks = new CheckRegistry(BUILT_IN_CHECKS);
    const kinds = new DocumentKindRegistry(checks);
    kinds.register(normative);
    expect(checks.get('library.basis')?.kinds).toEqual(['normative']);
    expect(() => kinds.register(normative)).toThrow('already registered');
    expect(() => kinds.register({ ...normative, key: 'Normative' })).toThrow('must match');
    expect(() => kinds.register({ key: 'fields_only', label: 'x', fields: normative.fields })).toThrow(
      'no metadataSchema',
    );
  });
});
