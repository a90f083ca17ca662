import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../lib/errors.ts';
import {
  configFromStored,
  configToForm,
  normaliseHost,
  parseCheckSettings,
  severityField,
} from './check-settings.service.ts';
import { CHECK_NAMES, DEFAULT_PRE_PUBLICATION_CONFIG } from './pre-publication-checks.ts';

const problemsOf = (raw: Record<string, unknown>) => {
  try {
    parseCheckSettings(raw);
  } catch (e) {
    return Object.fromEntries((e as AppError).problems.map((p) => [p.field, p.message]));
  }
  throw new Error('expected a validation error');
};

describe('check settings form', () => {
  const defaults = configToForm(DEFAULT_PRE_PUBLICATION_CONFIG);

  it('round-trips the defaults through the form', () => {
    expect(parseCheckSettings(defaults)).toEqual({
      ...DEFAULT_PRE_PUBLICATION_CONFIG,
      // The form lists the fields in the order of the page.
      requiredMetadata: ['title', 'topic', 'publisher', 'writtenOn', 'formedOn'],
      typos: DEFAULT_PRE_PUBLICATION_CONFIG.typos.map((t) => ({ ...t })),
    });
  });

  it('reads severities, required fields, typos with exceptions, words and hosts', () => {
    const config = parseCheckSettings({
      ...defaults,
      [severityField('typo')]: 'block',
      [severityField('lateness')]: 'off',
      requiredMetadata: ['docNumber', 'title'],
      typos: '布署 部署 布署名\n\n截止目前=截至目前\n帐户→账户',
      sensitiveWords: '北朝鲜，南朝鲜\n北朝鲜\n满清',
      allowedHosts: 'https://www.People.com.cn/index.html\n*.xinhuanet.com\n政府.cn',
    });
    expect(config.severity).toMatchObject({ typo: 'block', lateness: 'off', 'secrecy-mark': 'block' });
    expect(config.requiredMetadata).toEqual(['title', 'docNumber']);
    expect(config.typos).toEqual([
      { wrong: '布署', right: '部署', except: ['布署名'] },
      { wrong: '截止目前', right: '截至目前' },
      { wrong: '帐户', right: '账户' },
    ]);
    expect(config.sensitiveWords).toEqual(['北朝鲜', '南朝鲜', '满清']);
    expect(config.allowedHosts).toEqual(['www.people.com.cn', 'xinhuanet.com', 'xn--mxtq1m.cn']);
  });

  it('names the field and the line of every problem', () => {
    expect(
      problemsOf({
        ...defaults,
        [severityField('typo')]: 'sometimes',
        requiredMetadata: ['indexNumber'],
        typos: '布署 部署\n截止目前',
        sensitiveWords: '甲'.repeat(31),
        allowedHosts: 'people.com.cn\n192.168.1.10',
      }),
    ).toEqual({
      [severityField('typo')]: '请选择“常见错别字”的处理方式',
      requiredMetadata: '必填元数据选择有误',
      typos: '常见错别字第 2 行：须写成“错误写法 正确写法”，例如“布署 部署”',
      sensitiveWords: `敏感词第 1 行：“${'甲'.repeat(31)}”超过 30 个字符`,
      allowedHosts: '允许链接的网站第 2 行：“192.168.1.10”不是有效的域名（不能填写IP地址）',
    });
    expect(problemsOf({ ...defaults, typos: '布署 部署 部门' }).typos).toBe(
      '常见错别字第 1 行：例外“部门”应包含错误写法“布署”',
    );
    expect(problemsOf({ ...defaults, typos: '部署 部署' }).typos).toBe(
      '常见错别字第 1 行：错误写法和正确写法相同',
    );
  });

  it.each([
    ['people.com.cn', 'people.com.cn'],
    ['http://WWW.XINHUANET.COM/path?q=1', 'www.xinhuanet.com'],
    ['localhost', null],
    ['10.0.0.1', null],
    ['not a host', null],
  ])('normaliseHost(%s) = %s', (text, host) => {
    expect(normaliseHost(text)).toBe(host);
  });
});

describe('configFromStored', () => {
  it('falls back to the defaults for nothing stored or unreadable JSON', () => {
    expect(configFromStored(undefined)).toBe(DEFAULT_PRE_PUBLICATION_CONFIG);
    expect(configFromStored('{oops')).toBe(DEFAULT_PRE_PUBLICATION_CONFIG);
  });

  it('keeps stored parts and fills checks added later with their default severity', () => {
    const stored = JSON.stringify({
      severity: { typo: 'block', 'external-link': 'nonsense' },
      sensitiveWords: ['甲'],
    });
    const config = configFromStored(stored);
    expect(config.severity.typo).toBe('block');
    expect(config.severity['external-link']).toBe('warn');
    expect(config.severity['internal-link']).toBe('warn');
    expect(Object.keys(config.severity).sort()).toEqual([...CHECK_NAMES].sort());
    expect(config.sensitiveWords).toEqual(['甲']);
    expect(config.typos).toBe(DEFAULT_PRE_PUBLICATION_CONFIG.typos);
  });
});
