/** OpenAPI description of GET /api/v1/answers, added to /api/openapi.json (contributeOpenApi). */
import { ANSWER_DEFAULT_LIMIT, ANSWER_MAX_LIMIT } from './answer.model.ts';

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const nint = { type: ['integer', 'null'] } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const qp = (name: string, description: string, schema: unknown = str, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const jsonOf = (description: string, schema: unknown) => ({
  description,
  content: { 'application/json': { schema } },
});

const Citation = {
  type: 'object',
  required: ['documentId', 'title', 'docNumber', 'article', 'validity', 'url'],
  properties: {
    documentId: nint,
    title: str,
    docNumber: nstr,
    article: { ...nstr, description: '条款，如 第三条' },
    validity: {
      type: 'object',
      required: ['state', 'label', 'inForce'],
      properties: {
        state: {
          ...str,
          description: '规范性文件库的有效性状态，或文件的有效性标注；unmarked 未标注，external 平台外文件',
        },
        label: { ...str, description: '如：现行有效（截至 2026-03-02）、已废止（2025-06-01 起）' },
        inForce: { type: 'boolean' },
      },
    },
    url: nstr,
  },
};

const AnswerItem = {
  type: 'object',
  required: ['kind', 'url', 'score', 'citations'],
  description:
    'kind = entry：政策问答库条目（id, question, answer, stale）；kind = passage：文件条款（documentId, title, docNumber, article, excerpt）',
  properties: {
    kind: { type: 'string', enum: ['entry', 'passage'] },
    id: { type: 'integer' },
    question: str,
    answer: str,
    stale: { type: 'boolean' },
    documentId: { type: 'integer' },
    title: str,
    docNumber: nstr,
    article: nstr,
    excerpt: str,
    url: str,
    score: { type: 'number' },
    citations: { type: 'array', items: ref('AnswerCitation') },
  },
};

export const ANSWERS_OPENAPI = {
  paths: {
    '/api/v1/answers': {
      get: {
        summary: '政策问答：从政策问答库和已发布文件中查找答案，每条注明出处和有效性',
        description:
          '只引用已发布的内容；已废止、已失效的文件不作为答案（history=1 时另列）。没有足够可靠的答案时 answered 为 false、data 为空。',
        parameters: [
          qp('q', '问题（超过 300 字按前 300 字查找）', str, true),
          qp('unit', '单位编号（含下级单位）', { type: 'integer' }),
          qp('limit', `条数（1–${ANSWER_MAX_LIMIT}，默认 ${ANSWER_DEFAULT_LIMIT}）`, { type: 'integer' }),
          qp('asOf', '按某日核对有效性（YYYY-MM-DD，默认今天）', { type: 'string', format: 'date' }),
          qp('history', '1：另列已废止、已失效文件的条款', { type: 'string', enum: ['1'] }),
        ],
        responses: {
          200: jsonOf('答复', {
            type: 'object',
            required: ['question', 'truncated', 'asOf', 'answered', 'message', 'data', 'history'],
            properties: {
              question: str,
              truncated: { type: 'boolean' },
              asOf: str,
              answered: { type: 'boolean' },
              message: nstr,
              data: { type: 'array', items: ref('AnswerItem') },
              history: { type: 'array', items: ref('AnswerItem') },
            },
          }),
          422: jsonOf('问题为空或查询条件有误（problems 指明字段）', ref('Error')),
          429: jsonOf('请求过于频繁', ref('Error')),
        },
      },
    },
  },
  schemas: { AnswerItem, AnswerCitation: Citation },
};
