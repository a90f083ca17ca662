/**
 * The one place where errors become HTTP responses. Users get a clear Chinese message and never a
 * stack trace; API clients get `{ error: { code, message, problems } }`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, HTTP_STATUS, isAppError } from '../lib/errors.ts';
import type { HttpPorts } from '../platform/ports.ts';
import { sendPage } from './render.ts';
import { viewContext } from './request-context.ts';
import { ErrorSummary } from './views/components.tsx';
import { AdminLayout, PublicLayout } from './views/layouts.tsx';

const TITLES: Record<number, string> = {
  401: '请先登录',
  403: '没有权限',
  404: '页面不存在',
  409: '操作无法完成',
  413: '文件过大',
  415: '文件类型不支持',
  422: '提交的内容有误',
  423: '账户已锁定',
  429: '操作过于频繁',
  500: '系统繁忙',
};

export function registerErrorHandlers(server: FastifyInstance, app: { http: HttpPorts }): void {
  server.setErrorHandler(async (raw: FastifyError | AppError, req, reply) => {
    const err = normalise(raw);
    const status = HTTP_STATUS[err.code];
    if (status >= 500) req.log.error({ err: raw }, 'request failed');
    if (err.code === 'unauthenticated' && req.method === 'GET' && !isApi(req)) {
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    if (isApi(req))
      return reply
        .code(status)
        .send({ error: { code: err.code, message: err.message, problems: err.problems } });
    return renderError(app, req, reply, status, err);
  });
  server.setNotFoundHandler(async (req, reply) => {
    if (isApi(req))
      return reply.code(404).send({ error: { code: 'not_found', message: '找不到该资源', problems: [] } });
    return renderError(app, req, reply, 404, AppError.notFound());
  });
}

function normalise(e: FastifyError | AppError): AppError {
  if (isAppError(e)) return e;
  const code = (e as FastifyError).statusCode;
  if (code === 429) return new AppError('rate_limited', '操作过于频繁，请稍后再试');
  if (code === 413) return new AppError('payload_too_large', '提交的内容或文件过大');
  if (code === 415) return new AppError('unsupported_media', '不支持的内容类型');
  if (code && code >= 400 && code < 500) return new AppError('validation', '请求格式不正确');
  return new AppError('internal', '系统繁忙，请稍后再试。如问题持续，请联系系统管理员。');
}

function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

async function renderError(
  app: { http: HttpPorts },
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  err: AppError,
) {
  const title = TITLES[status] ?? '出错了';
  let ctx: Awaited<ReturnType<typeof viewContext>>;
  try {
    ctx = await viewContext(app, req);
  } catch {
    return reply.code(status).type('text/plain; charset=utf-8').send(`${title}：${err.message}`);
  }
  const Layout = ctx.path.startsWith('/admin') && ctx.actor.kind === 'user' ? AdminLayout : PublicLayout;
  return sendPage(
    reply,
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="lead">{err.message}</p>
      <ErrorSummary problems={err.problems} />
      <p>
        <a href={ctx.path.startsWith('/admin') ? '/admin' : '/'}>返回首页</a>
      </p>
    </Layout>,
    status,
  );
}
