/**
 * The OpenAPI 3.1 description of the open API (/api/openapi.json), written by hand to match the presenters
 * in api-presenters.ts; test/http/api.db.test.ts calls every documented path and checks the shapes.
 */

import { GENRES, VALIDITIES, VALIDITY_LABELS } from '../documents/document.model.ts';
import { API_MAX_LIMIT } from './api-presenters.ts';

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const nint = { type: ['integer', 'null'] } as const;
const strs = { type: 'array', items: str } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>) => ({
  type: 'object',
  required: Object.keys(properties),
  properties,
});
const q = (name: string, description: string, schema: unknown = str) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const ok = (description: string, schema: unknown) => ({
  description,
  headers: {
    ETag: { description: '弱校验值（响应体的散列）；带 If-None-Match 请求时未变化返回 304', schema: str },
    'Cache-Control': { description: 'public, max-age=60', schema: str },
  },
  content: { 'application/json': { schema } },
});
const notFound = { description: '不存在', content: { 'application/json': { schema: ref('Error') } } };
const list = (item: string) => obj({ data: { type: 'array', items: ref(item) } });

const DocumentSummary = obj({
  id: int,
  url: str,
  unitId: int,
  indexNumber: nstr,
  title: str,
  docNumber: nstr,
  genre: nstr,
  topicId: nint,
  writtenOn: nstr,
  publishedOn: nstr,
  publishedAt: nstr,
  summary: nstr,
});

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'gongkai 政府信息公开开放接口',
    version: '1.0.0',
    description: '只读 JSON 接口：已发布的政府信息、栏目、单位和主动公开目录（条例 第二十四条）。',
  },
  paths: {
    '/api/v1/documents': {
      get: {
        summary: '政府信息列表与检索',
        description: '只返回已发布的信息。给出 q 时按关键词或发文字号检索，否则按发布时间从新到旧。',
        parameters: [
          q('q', '关键词或发文字号'),
          q('unit', '单位编号（含下级单位）', int),
          q('column', '栏目编号', int),
          q('topic', '主题分类编号', int),
          q('genre', '文种', { type: 'string', enum: [...GENRES] }),
          q('year', '发布年份', int),
          q('sort', '排序（仅检索时）', { type: 'string', enum: ['relevance', 'date'] }),
          q('limit', `每页条数（1–${API_MAX_LIMIT}）`, int),
          q('cursor', '上一页响应中的 nextCursor'),
        ],
        responses: {
          200: ok(
            '一页信息',
            obj({
              data: { type: 'array', items: ref('DocumentSummary') },
              total: int,
              totalCapped: {
                type: 'boolean',
                description: '检索结果超过 1,000 条时为 true：total 为 1000，结果为最新的 1,000 条',
              },
              nextCursor: nstr,
            }),
          ),
          422: { description: '游标无效', content: { 'application/json': { schema: ref('Error') } } },
        },
      },
    },
    '/api/v1/documents/{id}': {
      get: {
        summary: '一条政府信息（含已撤回信息的撤回说明）',
        parameters: [{ name: 'id', in: 'path', required: true, schema: int }],
        responses: { 200: ok('信息详情', ref('Document')), 404: notFound },
      },
    },
    '/api/v1/columns': {
      get: {
        summary: '单位的栏目（树按 parentId 组织）',
        parameters: [{ ...q('unit', '单位编号', int), required: true }],
        responses: { 200: ok('栏目列表', list('Column')), 404: notFound },
      },
    },
    '/api/v1/units': {
      get: { summary: '单位列表', responses: { 200: ok('单位列表', list('Unit')) } },
    },
    '/api/v1/catalogue': {
      get: {
        summary: '单位的主动公开目录',
        parameters: [{ ...q('unit', '单位编号', int), required: true }],
        responses: { 200: ok('目录条目', list('CatalogueItem')), 404: notFound },
      },
    },
  },
  components: {
    schemas: {
      DocumentSummary,
      Document: {
        allOf: [
          ref('DocumentSummary'),
          obj({
            state: { type: 'string', enum: ['published', 'withdrawn'] },
            topicName: nstr,
            formedOn: nstr,
            issuers: strs,
            keywords: strs,
            source: nstr,
            validity: {
              type: ['string', 'null'],
              enum: [...VALIDITIES, null],
              description: `有效性：${VALIDITIES.map((v) => `${v} = ${VALIDITY_LABELS[v]}`).join('，')}；null 表示未标注`,
            },
            effectiveOn: { ...nstr, description: '施行日期（YYYY-MM-DD）' },
            repealedOn: { ...nstr, description: '废止日期（YYYY-MM-DD），仅在有效性为 repealed 时' },
            bodyHtml: str,
            attachments: {
              type: 'array',
              items: obj({ id: int, fileName: str, kind: str, size: int, url: str }),
            },
            corrections: { type: 'array', items: obj({ correctedOn: nstr, note: nstr }) },
            columns: { type: 'array', items: obj({ id: int, name: str, unitId: int }) },
            withdrawal: {
              oneOf: [{ type: 'null' }, obj({ withdrawnAt: nstr, reason: nstr, note: nstr })],
            },
          }),
        ],
      },
      Unit: obj({
        id: int,
        parentId: nint,
        code: str,
        name: str,
        shortName: nstr,
        kind: str,
        address: nstr,
        officeHours: nstr,
        phone: nstr,
        fax: nstr,
        email: nstr,
        website: nstr,
        url: str,
      }),
      Column: obj({
        id: int,
        unitId: int,
        parentId: nint,
        name: str,
        kind: { type: 'string', enum: ['list', 'page', 'link'] },
        templateKey: nstr,
        externalUrl: nstr,
        updateCycle: str,
        url: str,
      }),
      CatalogueItem: obj({
        id: int,
        unitId: int,
        position: int,
        level1: str,
        level2: nstr,
        content: str,
        basis: nstr,
        timeLimit: nstr,
        publisher: str,
        channels: strs,
        audiences: strs,
        ways: strs,
        levels: strs,
        columnIds: { type: 'array', items: int },
      }),
      Error: obj({
        error: obj({ code: str, message: str, problems: { type: 'array', items: { type: 'object' } } }),
      }),
    },
  },
} as const;

// ── Extension: paths and schemas of other modules ───────────────────────────────────────────────────

/** What a module adds to /api/openapi.json: its paths and the schemas they reference. */
export interface OpenApiContribution {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
}

/** Per server (one per App, as the other registries), never a module-level list shared by Apps. */
const contributions = new WeakMap<object, OpenApiContribution[]>();

/** Adds a module's paths to the server's OpenAPI document (call from the module's `routes`). */
export function contributeOpenApi(server: object, c: OpenApiContribution): void {
  contributions.set(server, [...(contributions.get(server) ?? []), c]);
}

/** The OpenAPI document of a server: the built-in paths, then every module's. */
export function openApiDocumentFor(server: object) {
  const extra = contributions.get(server) ?? [];
  if (!extra.length) return OPENAPI_DOCUMENT;
  return {
    ...OPENAPI_DOCUMENT,
    paths: Object.assign({}, OPENAPI_DOCUMENT.paths, ...extra.map((c) => c.paths)),
    components: {
      schemas: Object.assign({}, OPENAPI_DOCUMENT.components.schemas, ...extra.map((c) => c.schemas ?? {})),
    },
  };
}
