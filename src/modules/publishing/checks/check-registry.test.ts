import { describe, expect, it } from 'vitest';
import { createSeedWorkingDayCalendar } from '../../../lib/calendar/index.ts';
import { CheckRegistry, type PrePublicationCheck } from './check-registry.ts';
import type { ExtensionCheckName } from './finding.ts';
import {
  BUILT_IN_CHECKS,
  buildPrePublicationConfig,
  CHECK_NAMES,
  DEFAULT_PRE_PUBLICATION_CONFIG,
  type PrePublicationConfig,
  type PrePublicationInput,
  runPrePublicationChecks,
} from './pre-publication-checks.ts';

const calendar = createSeedWorkingDayCalendar();
const input: PrePublicationInput = {
  metadata: { title: '关于布署工作的通知', publisher: '测试县人民政府办公室' },
  bodyHtml: '<p>请各单位认真布署。</p>',
  publishOn: '2026-03-02',
};
const doc = (kind: string) => ({ id: 7, kind, unitId: 1, state: 'draft', kindMetadata: { basis: '' } });

/** A module's check: finds an empty 制定依据 in the kind metadata. */
const basisCheck: PrePublicationCheck<ExtensionCheckName> = {
  name: 'library.basis',
  label: '制定依据',
  defaultSeverity: 'block',
  run: async ({ document }) => (document?.kindMetadata.basis ? [] : [{ message: '未填写制定依据' }]),
};

describe('CheckRegistry', () => {
  it('holds the built-in checks in CHECK_NAMES order, with their labels and default severities', () => {
    const registry = new CheckRegistry(BUILT_IN_CHECKS);
    expect(registry.list().map((c) => c.name)).toEqual([...CHECK_NAMES]);
    expect(registry.get('typo')).toMatchObject({ label: '常见错别字', defaultSeverity: 'warn' });
    expect(registry.get('secrecy-mark')?.defaultSeverity).toBe('block');
  });

  it('finds what runPrePublicationChecks finds when only the built-in checks are registered', async () => {
    const registry = new CheckRegistry(BUILT_IN_CHECKS);
    const pure = runPrePublicationChecks(input, DEFAULT_PRE_PUBLICATION_CONFIG, calendar);
    expect(pure.findings.map((f) => f.check)).toContain('typo');
    expect(await registry.run(input, DEFAULT_PRE_PUBLICATION_CONFIG, calendar)).toEqual(pure);
  });

  it('runs a registered check after the built-in ones, at its default severity; a block blocks', async () => {
    const registry = new CheckRegistry(BUILT_IN_CHECKS);
    registry.register(basisCheck);
    const r = await registry.run(input, DEFAULT_PRE_PUBLICATION_CONFIG, calendar, doc('document'));
    expect(r.findings.at(-1)).toEqual({
      check: 'library.basis',
      severity: 'block',
      message: '未填写制定依据',
    });
    expect(r.blocked).toBe(true);
  });

  it('takes a severity stored for the check name from the configuration, and skips it when off', async () => {
    const registry = new CheckRegistry(BUILT_IN_CHECKS);
    registry.register(basisCheck);
    const config = (severity: string): PrePublicationConfig => ({
      ...DEFAULT_PRE_PUBLICATION_CONFIG,
      severity: { ...DEFAULT_PRE_PUBLICATION_CONFIG.severity, 'library.basis': severity } as never,
    });
    const warn = await registry.run(input, config('warn'), calendar, doc('document'));
    expect(warn.findings.find((f) => f.check === 'library.basis')?.severity).toBe('warn');
    const blocking = warn.findings.filter((f) => f.severity === 'block');
    expect(blocking.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
    expect(warn.blocked).toBe(false);
    const off = await registry.run(input, config('off'), calendar, doc('document'));
    expect(off.findings.some((f) => f.check === 'library.basis')).toBe(false);
  });

  it('runs a check limited to kinds only on documents of those kinds (a pure run is a 政府信息)', async () => {
    const registry = new CheckRegistry(BUILT_IN_CHECKS);
    registry.register({ ...basisCheck, kinds: ['normative'] });
    const config = buildPrePublicationConfig({ severity: { typo: 'off' } });
    const names = async (kind?: string) =>
      (await registry.run(input, config, calendar, kind ? doc(kind) : undefined)).findings.map(
        (f) => f.check,
      );
    expect(await names('normative')).toContain('library.basis');
    expect(await names('document')).not.toContain('library.basis');
    expect(await names()).not.toContain('library.basis');
  });

  it.each([
    ['basis', 'must be namespaced'],
    ['Library.Basis', 'must be namespaced'],
    ['typo.extra', null],
  ])('refuses the name %s unless namespaced and unused', (name, error) => {
    const registry = new CheckRegistry(BUILT_IN_CHECKS);
    const add = () => registry.register({ ...basisCheck, name: name as ExtensionCheckName });
    if (error) expect(add).toThrow(error);
    else {
      add();
      expect(add).toThrow('already registered');
    }
  });
});
