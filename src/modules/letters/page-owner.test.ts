import { describe, expect, it } from 'vitest';
import type { PublicRoute } from '../../platform/module.ts';
import { PageOwners, pageTarget } from './page-owner.ts';

const ROUTES: PublicRoute[] = [
  {
    pattern: /^\/documents\/(\d+)(?:\/print)?$/,
    target: (m) => ({ kind: 'document', documentId: Number(m[1]) }),
  },
  {
    pattern: /^\/documents\/(\d+)\/attachments\/(\d+)$/,
    target: (m) => ({ kind: 'attachment', documentId: Number(m[1]), attachmentId: Number(m[2]) }),
  },
  { pattern: /^\/columns\/(\d+)$/, target: (m) => ({ kind: 'column', columnId: Number(m[1]) }) },
  { pattern: /^\/units\/(\d+)\/guide$/, target: (m) => ({ kind: 'unit', unitId: Number(m[1]) }) },
  { pattern: /^\/$/ },
  { pattern: /^\/search$/ },
];

const owners = new PageOwners({
  routes: () => ROUTES,
  publicBaseUrl: 'https://www.example.gov.cn',
  documentUnit: async (id) => (id === 7 ? 3 : null),
  columnUnit: async (id) => (id === 5 ? 4 : null),
  unitExists: async (id) => id === 9,
});

describe('pageTarget', () => {
  it.each([
    ['/documents/7', { kind: 'document', documentId: 7 }],
    ['https://www.example.gov.cn/documents/7/print?from=home#top', { kind: 'document', documentId: 7 }],
    ['/columns/5?page=2', { kind: 'column', columnId: 5 }],
    ['/', { kind: 'route' }],
    ['/nowhere', { kind: 'unknown' }],
  ])('%s', (url, target) => expect(pageTarget(url, ROUTES, 'https://www.example.gov.cn')).toEqual(target));
  it.each([
    'https://other.example.com/documents/7',
    '',
    'javascript:alert(1)',
    `/documents/${'1'.repeat(3000)}`,
  ])('not a page of this site: %s', (url) =>
    expect(pageTarget(url, ROUTES, 'https://www.example.gov.cn')).toBeNull(),
  );
});

describe('resolvePageOwner', () => {
  it.each([
    ['/documents/7', { unitId: 3, how: 'document' }],
    ['/documents/7/attachments/2', { unitId: 3, how: 'attachment' }],
    ['https://www.example.gov.cn/columns/5', { unitId: 4, how: 'column' }],
    ['/units/9/guide', { unitId: 9, how: 'unit' }],
  ])('%s', async (url, owner) => expect(await owners.resolvePageOwner(url)).toEqual(owner));
  it.each([
    '/documents/8',
    '/columns/6',
    '/units/10/guide',
    '/',
    '/search',
    '/nowhere',
    'https://other.example.com/',
  ])('no owner: %s', async (url) => expect(await owners.resolvePageOwner(url)).toBeNull());
});
