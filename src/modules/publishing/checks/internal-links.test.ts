import { describe, expect, it } from 'vitest';
import { MODULES, publicRoutesOf } from '../../../modules.ts';
import {
  checkInternalLinks,
  type InternalLinkLookup,
  internalLinksOf,
  internalPathOf,
  routeTarget,
} from './internal-links.ts';

// The routes of the whole site, as the app collects them from the module manifests.
const ROUTES = publicRoutesOf(MODULES);
const SITE = { publicBaseUrl: 'https://www.shifan.gov.cn', documentId: 12 };

const lookup: InternalLinkLookup = {
  publishedDocumentIds: new Set([5, 6]),
  columnIds: new Set([3]),
  unitIds: new Set([1]),
  attachmentKeys: new Set(['5/40', '12/41', '7/42']),
};

const findings = (html: string, opts: typeof SITE | { documentId: number } = SITE) =>
  checkInternalLinks(internalLinksOf(html, { ...opts, routes: ROUTES }), lookup, opts.documentId);

describe('internalPathOf', () => {
  it.each([
    ['/documents/5', '/documents/5'],
    ['../columns/3', '/columns/3'],
    ['print', '/documents/print'],
    ['/search?q=低保#top', '/search'],
    ['https://www.shifan.gov.cn/columns/3', '/columns/3'],
    ['HTTPS://WWW.SHIFAN.GOV.CN/units/1', '/units/1'],
    ['//www.shifan.gov.cn/documents/6', '/documents/6'],
  ])('%s is a link to this site at %s', (href, path) => {
    expect(internalPathOf(href, SITE)).toBe(path);
  });

  it.each([
    '#top',
    '',
    'mailto:gk@shifan.gov.cn',
    'tel:0745-1234567',
    'https://www.gov.cn/zhengce/',
    'http://www.shifan.gov.cn:8080/documents/5',
    '//example.com/a',
  ])('%s is not a link to this site', (href) => {
    expect(internalPathOf(href, SITE)).toBeNull();
  });

  it('without a public base URL only relative links are internal', () => {
    expect(internalPathOf('/documents/5', { documentId: 1 })).toBe('/documents/5');
    expect(internalPathOf('https://www.shifan.gov.cn/documents/5', { documentId: 1 })).toBeNull();
  });

  it('a base URL with a path prefix mounts the site below it', () => {
    const opts = { publicBaseUrl: 'https://www.shifan.gov.cn/gk/' };
    expect(internalPathOf('https://www.shifan.gov.cn/gk/columns/3', opts)).toBe('/columns/3');
    expect(internalPathOf('https://www.shifan.gov.cn/gk', opts)).toBe('/');
    expect(internalPathOf('https://www.shifan.gov.cn/other/page.html', opts)).toBe('/other/page.html');
  });
});

describe('routeTarget', () => {
  it.each([
    ['/documents/5', { kind: 'document', documentId: 5 }],
    ['/documents/5/print', { kind: 'document', documentId: 5 }],
    ['/api/v1/documents/5', { kind: 'document', documentId: 5 }],
    ['/documents/5/attachments/40', { kind: 'attachment', documentId: 5, attachmentId: 40 }],
    ['/columns/3', { kind: 'column', columnId: 3 }],
    ['/columns/3/feed.xml', { kind: 'column', columnId: 3 }],
    ['/units/1/guide', { kind: 'unit', unitId: 1 }],
    ['/requests/units/1/apply', { kind: 'unit', unitId: 1 }],
    ['/', { kind: 'route' }],
    ['/search', { kind: 'route' }],
    ['/sitemap.xml', { kind: 'route' }],
    ['/api/openapi.json', { kind: 'route' }],
    ['/assets/site.css', { kind: 'route' }],
    ['/admin/documents/5', { kind: 'admin' }],
    ['/units/1/form.docx', { kind: 'unknown' }],
    ['/documents/abc', { kind: 'unknown' }],
    ['/zwgk/index.html', { kind: 'unknown' }],
    ['/search/', { kind: 'unknown' }],
  ])('%s → %o', (path, target) => {
    expect(routeTarget(path, ROUTES)).toEqual(target);
  });
});

describe('checkInternalLinks', () => {
  it('accepts links that lead somewhere', () => {
    const html = [
      '<a href="/documents/5">已发布</a>',
      '<a href="https://www.shifan.gov.cn/columns/3">栏目</a>',
      '<a href="../units/1">单位</a>',
      '<a href="/documents/5/attachments/40">附件</a>',
      '<a href="/documents/12">本文</a>',
      '<a href="/documents/12/attachments/41">本文附件</a>',
      '<img src="/assets/logo.png" alt="">',
      '<a href="/search?q=低保">搜索</a>',
      '<a href="https://www.gov.cn/">国务院</a>',
    ].join('');
    expect(findings(html)).toEqual([]);
  });

  it.each([
    ['<a href="/documents/7">x</a>', '指向的信息不存在、未发布或已撤回', '/documents/7'],
    ['<a href="https://www.shifan.gov.cn/columns/9">x</a>', '指向的栏目不存在或已停用', '/columns/9'],
    ['<a href="/units/2/disclosure">x</a>', '指向的单位不存在或已撤销', '/units/2/disclosure'],
    ['<a href="/documents/5/attachments/99">x</a>', '指向的附件不存在', '/documents/5/attachments/99'],
    ['<a href="/documents/6/attachments/40">x</a>', '指向的附件不存在', '/documents/6/attachments/40'],
    [
      '<a href="/documents/7/attachments/42">x</a>',
      '附件所属的信息未发布或已撤回',
      '/documents/7/attachments/42',
    ],
    ['<a href="/admin/documents/5">x</a>', '指向后台管理页面', '/admin/documents/5'],
    ['<a href="/zwgk/old.html">x</a>', '本站没有这个页面', '/zwgk/old.html'],
  ])('flags %s', (html, reason, path) => {
    const found = findings(html);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(reason);
    expect(found[0]?.message).toContain(path);
    expect(found[0]?.location).toBe('body');
  });

  it('reports each broken href once, with the href as written', () => {
    const found = findings('<a href="../columns/9">a</a><a href="../columns/9">b</a>');
    expect(found).toEqual([
      {
        message: '站内链接无效（指向的栏目不存在或已停用）：/columns/9',
        excerpt: '../columns/9',
        location: 'body',
      },
    ]);
  });
});
