import { Document, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { createSeedWorkingDayCalendar } from '../../../lib/calendar/index.ts';
import { MODULES, publicRoutesOf } from '../../../modules.ts';
import { extractAttachmentText } from '../documents/attachment-text.ts';
import {
  buildPrePublicationConfig,
  DEFAULT_PRE_PUBLICATION_CONFIG,
  type PrePublicationInput,
  runPrePublicationChecks,
} from './pre-publication-checks.ts';
import { validIdNumber } from './test-numbers.ts';

const calendar = createSeedWorkingDayCalendar();

const clean: PrePublicationInput = {
  metadata: {
    title: '关于印发贯彻落实2022年政务公开工作要点任务分工的通知',
    publisher: '中方县人民政府办公室',
    writtenOn: '2022-07-20',
    topic: '综合政务',
    formedOn: '2022-07-20',
    docNumber: '中县政务公开〔2022〕10号',
  },
  bodyHtml:
    '<p>各乡镇人民政府、县直各单位：</p><p>现将任务分工印发给你们，请认真抓好贯彻落实。严格遵守保密规定，保守国家秘密。</p>' +
    '<p>详见<a href="http://www.zhongfang.gov.cn/zwgk/">县政府网站</a>。</p>',
  publishOn: '2022-07-24',
};

describe('runPrePublicationChecks', () => {
  it('finds nothing in a clean document', () => {
    const r = runPrePublicationChecks(clean, DEFAULT_PRE_PUBLICATION_CONFIG, calendar);
    expect(r.findings.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
    expect(r).toEqual({ findings: [], blocked: false });
  });

  it('runs every check, applies the default severities and blocks on secrets and personal data', () => {
    const input: PrePublicationInput = {
      metadata: { ...clean.metadata, topic: '', formedOn: '2022-06-01' },
      bodyHtml: '<p>机密★1年</p><p>认真布署，联系电话13812345678。</p><a href="http://10.1.1.1/a">附件</a>',
      publishOn: '2022-07-24',
    };
    const config = buildPrePublicationConfig({ sensitiveWords: ['联系电话'] });
    const { findings, blocked } = runPrePublicationChecks(input, config, calendar);
    expect(blocked).toBe(true);
    expect(findings.map((f) => [f.check, f.severity])).toEqual([
      ['secrecy-mark', 'block'],
      ['personal-data', 'block'],
      ['sensitive-word', 'warn'],
      ['typo', 'warn'],
      ['required-metadata', 'warn'],
      ['external-link', 'warn'],
      ['lateness', 'warn'],
    ]);
    expect(JSON.stringify(findings)).not.toContain('13812345678');
  });

  it('takes severities from the configuration', () => {
    const input = { ...clean, bodyHtml: '<p>认真布署。</p>' };
    const config = buildPrePublicationConfig({ severity: { typo: 'block', 'secrecy-mark': 'warn' } });
    const result = runPrePublicationChecks(input, config, calendar);
    expect(result.findings.map((f) => f.severity)).toEqual(['block']);
    expect(result.blocked).toBe(true);
    expect(config.severity['personal-data']).toBe('block');
  });

  it('checks text extracted from a .docx attachment for personal data and 密级 marks', async () => {
    const id = validIdNumber('43122119900307123');
    const docx = await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph({ children: [new TextRun(`张三，身份证号${id}`)] })] }],
      }),
    );
    const attachments = [
      { name: '名单.docx', text: await extractAttachmentText('名单.docx', docx) },
      { name: '扫描件.pdf', text: null },
    ];
    const { findings, blocked } = runPrePublicationChecks(
      { ...clean, attachments },
      DEFAULT_PRE_PUBLICATION_CONFIG,
      calendar,
    );
    expect(blocked).toBe(true);
    expect(findings).toEqual([
      expect.objectContaining({
        check: 'personal-data',
        severity: 'block',
        location: 'attachment:名单.docx',
      }),
    ]);
    expect(findings[0]?.excerpt).not.toContain(id);
  });

  it('checks the title', () => {
    const input = { ...clean, metadata: { ...clean.metadata, title: '内部资料 注意保存' } };
    const { findings } = runPrePublicationChecks(input, DEFAULT_PRE_PUBLICATION_CONFIG, calendar);
    expect(findings.map((f) => [f.check, f.location])).toContainEqual(['secrecy-mark', 'title']);
  });
});

describe('severity off and the internal-link check', () => {
  const lookup = {
    publishedDocumentIds: new Set<number>(),
    columnIds: new Set<number>(),
    unitIds: new Set<number>(),
    attachmentKeys: new Set<string>(),
  };
  const withLinks: PrePublicationInput = {
    ...clean,
    bodyHtml: `${clean.bodyHtml}<p><a href="/columns/77">相关栏目</a><a href="http://localhost:3000/documents/1">本站</a></p>`,
    site: { publicBaseUrl: 'http://localhost:3000', documentId: 2, lookup, routes: publicRoutesOf(MODULES) },
  };

  it('reports broken internal links as warnings by default; the site host is not an external link', () => {
    const r = runPrePublicationChecks(withLinks, DEFAULT_PRE_PUBLICATION_CONFIG, calendar);
    expect(r.findings.map((f) => [f.check, f.severity, f.excerpt])).toEqual([
      ['internal-link', 'warn', '/columns/77'],
      ['internal-link', 'warn', 'http://localhost:3000/documents/1'],
    ]);
    expect(r.blocked).toBe(false);
  });

  it('skips internal links when the site is not given (its host is then an external one)', () => {
    const { site: _site, ...rest } = withLinks;
    const r = runPrePublicationChecks(rest, DEFAULT_PRE_PUBLICATION_CONFIG, calendar);
    expect(r.findings.map((f) => [f.check, f.excerpt])).toEqual([
      ['external-link', 'http://localhost:3000/documents/1'],
    ]);
  });

  it("a check set to 'off' finds nothing, even a blocking one; 'block' blocks", () => {
    const leaky: PrePublicationInput = { ...withLinks, bodyHtml: `<p>绝密★1年</p>${withLinks.bodyHtml}` };
    const off = buildPrePublicationConfig({ severity: { 'secrecy-mark': 'off', 'internal-link': 'block' } });
    const r = runPrePublicationChecks(leaky, off, calendar);
    expect(new Set(r.findings.map((f) => f.check))).toEqual(new Set(['internal-link']));
    expect(r.findings.every((f) => f.severity === 'block')).toBe(true);
    expect(r.blocked).toBe(true);
    const allOff = buildPrePublicationConfig({ severity: { 'secrecy-mark': 'off', 'internal-link': 'off' } });
    expect(runPrePublicationChecks(leaky, allOff, calendar)).toEqual({ findings: [], blocked: false });
  });

  it('the seed sensitive-word list is on by default', () => {
    const r = runPrePublicationChecks(
      { ...clean, bodyHtml: '<p>请勿使用“北朝鲜”这一称谓。</p>' },
      DEFAULT_PRE_PUBLICATION_CONFIG,
      calendar,
    );
    expect(r.findings.map((f) => [f.check, f.message])).toEqual([
      ['sensitive-word', '含有敏感词“北朝鲜”，请核实'],
    ]);
  });
});
