/**
 * The library's open API (issue 11 §5): GET /api/v1/policies (the filters of the library page, page /
 * pageSize paging) and GET /api/v1/policies/{id} (with the history), documented in /api/openapi.json
 * through 主动公开's OpenAPI extension (contributeOpenApi). Errors are the API's JSON errors (AppError at
 * the boundary: a bad filter answers 422 naming the field).
 */
import type { FastifyInstance } from 'fastify';
import { idParam } from '../../http/forms.ts';
import { sendCached } from '../../http/public-cache.tsx';
import { AppError } from '../../lib/errors.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import { contributeOpenApi } from '../publishing/api/api-openapi.ts';
import type { LibraryEventRow, LibraryRow } from './library-public.repository.ts';
import { type LibraryPublicService, parseLibraryQuery } from './library-public.service.ts';
import {
  CERTAINTIES,
  EXPIRY_SOURCES,
  POLICY_KINDS,
  VALIDITY_EVENTS,
  VALIDITY_STATES,
} from './policy.model.ts';

/** Largest page of the API. */
export const POLICY_API_MAX_PAGE_SIZE = 100;
const POLICY_API_DEFAULT_PAGE_SIZE = 20;

export function presentPolicy(r: LibraryRow) {
  return {
    id: r.document_id,
    kind: r.kind,
    title: r.title,
    docNumber: r.doc_number,
    registrationNumber: r.registration_number,
    issuers: r.issuers ? r.issuers.split('、') : [],
    unitId: r.unit_id,
    publishedOn: r.published_on ?? r.published_at?.slice(0, 10) ?? null,
    effectiveOn: r.effective_on,
    expiresOn: r.expires_on,
    expirySource: r.expiry_source,
    state: r.state,
    certainty: r.certainty,
    stateSince: r.state_since,
    url: `/documents/${r.document_id}`,
  };
}

export function presentEvent(e: LibraryEventRow) {
  const onPlatform = e.source_document_id !== null && e.source_public_title !== null;
  return {
    id: e.id,
    type: e.event_type,
    occursOn: e.occurs_on,
    certainty: e.certainty,
    note: e.note,
    source: onPlatform
      ? {
          documentId: e.source_document_id,
          title: e.source_public_title,
          url: `/documents/${e.source_document_id}`,
        }
      : e.source_title || e.source_doc_number
        ? { documentId: null, title: e.source_title, docNumber: e.source_doc_number, url: null }
        : null,
  };
}

const pageOf = (raw: unknown, name: string, fallback: number, max: number) => {
  const v = (raw as Record<string, unknown>)[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw AppError.validation([{ field: name, message: `${name}：应为 1 到 ${max} 之间的整数` }]);
  return n;
};

export function registerLibraryApi(
  server: FastifyInstance,
  units: Pick<UnitService, 'activeUnits'>,
  lib: LibraryPublicService,
) {
  contributeOpenApi(server, POLICY_OPENAPI);
  const json = 'application/json; charset=utf-8';

  server.get('/api/v1/policies', async (req, reply) => {
    const q = parseLibraryQuery(req.query);
    const page = pageOf(req.query, 'page', 1, 10_000);
    const pageSize = pageOf(req.query, 'pageSize', POLICY_API_DEFAULT_PAGE_SIZE, POLICY_API_MAX_PAGE_SIZE);
    const f = lib.sqlFilters(q, null, await units.activeUnits());
    if (q.problems.length) throw AppError.validation(q.problems, '查询条件有误');
    const r = await lib.list(q, f, page, pageSize);
    const body = { data: r.items.map(presentPolicy), total: r.total, page, pageSize, counts: r.counts };
    return sendCached(req, reply, JSON.stringify(body), json);
  });

  server.get('/api/v1/policies/:id', async (req, reply) => {
    const found = await lib.entry(idParam(req.params));
    if (!found) throw AppError.notFound('文件');
    const body = { ...presentPolicy(found.entry), history: found.history.map(presentEvent) };
    return sendCached(req, reply, JSON.stringify(body), json);
  });
}

// ── OpenAPI ──────────────────────────────────────────────────────────────────────────────────────────

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: 'object',
  required,
  properties,
});
const qp = (name: string, description: string, schema: unknown = str) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const jsonOf = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string) => jsonOf(description, ref('Error'));

const Policy = obj({
  id: int,
  kind: {
    type: 'string',
    enum: [...POLICY_KINDS],
    description: 'regulation 规章 / normative 行政规范性文件 / policy 其他政策文件',
  },
  title: str,
  docNumber: nstr,
  registrationNumber: { ...nstr, description: '统一登记号' },
  issuers: { type: 'array', items: str, description: '制定机关' },
  unitId: int,
  publishedOn: { ...nstr, description: '公布日期（YYYY-MM-DD）' },
  effectiveOn: { ...nstr, description: '施行日期' },
  expiresOn: { ...nstr, description: '有效期至' },
  expirySource: {
    type: ['string', 'null'],
    enum: [...EXPIRY_SOURCES, null],
    description: 'metadata/text 文件载明；rule 按本地规定推定；none 未规定',
  },
  state: { type: 'string', enum: [...VALIDITY_STATES], description: '有效性（由事件推导）' },
  certainty: {
    type: 'string',
    enum: [...CERTAINTIES],
    description: 'official 有据可查 / inferred 按规则推定 / presumed 推定',
  },
  stateSince: nstr,
  url: str,
});

const PolicyEvent = obj({
  id: int,
  type: { type: 'string', enum: [...VALIDITY_EVENTS] },
  occursOn: str,
  certainty: { type: 'string', enum: [...CERTAINTIES] },
  note: nstr,
  source: {
    oneOf: [
      { type: 'null' },
      obj({ documentId: { type: ['integer', 'null'] }, title: nstr, docNumber: nstr, url: nstr }, [
        'documentId',
        'title',
        'url',
      ]),
    ],
  },
});

/** The library's part of /api/openapi.json. */
export const POLICY_OPENAPI = {
  paths: {
    '/api/v1/policies': {
      get: {
        summary: '规范性文件库：规章、行政规范性文件和其他政策文件',
        description: '只返回已发布的文件；有效性由施行日期、有效期和修改、废止、失效等记录推导。',
        parameters: [
          qp('kind', '文件库类别', { type: 'string', enum: [...POLICY_KINDS] }),
          qp('state', '有效性', { type: 'string', enum: [...VALIDITY_STATES] }),
          qp('issuer', '制定机关（包含）'),
          qp('year', '公布年份', int),
          qp('topic', '主题分类编号', int),
          qp('docNumber', '文号（包含；各种括号写法均可）'),
          qp('unit', '单位编号（含下级单位）', int),
          qp('asOf', '在某日有效（YYYY-MM-DD）：该日有效性为现行有效、已修改或部分失效的文件', {
            type: 'string',
            format: 'date',
          }),
          qp('page', '页码（从 1 开始）', int),
          qp('pageSize', `每页条数（1–${POLICY_API_MAX_PAGE_SIZE}）`, int),
        ],
        responses: {
          200: jsonOf(
            '一页文件',
            obj({
              data: { type: 'array', items: ref('Policy') },
              total: int,
              page: int,
              pageSize: int,
              counts: { type: 'object', additionalProperties: int, description: '各有效性的文件数' },
            }),
          ),
          422: error('查询条件有误（problems 指明字段）'),
        },
      },
    },
    '/api/v1/policies/{id}': {
      get: {
        summary: '一件文件库文件及其有效性变化记录',
        parameters: [{ name: 'id', in: 'path', required: true, schema: int }],
        responses: {
          200: jsonOf('文件详情', {
            allOf: [ref('Policy'), obj({ history: { type: 'array', items: ref('PolicyEvent') } })],
          }),
          404: error('不存在或未发布'),
        },
      },
    },
  },
  schemas: { Policy, PolicyEvent },
};
