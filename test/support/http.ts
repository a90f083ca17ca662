/** In-process HTTP tests: the real Fastify server on a real test database, driven by inject(). */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import type { TestApp } from './test-app.ts';

export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly server: FastifyInstance) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.server.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(res);
    return res;
  }

  /** The CSRF token of the form on `formPage` (visiting it first, as a browser would). */
  async csrf(formPage = '/login'): Promise<string> {
    const page = await this.get(formPage);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (!m) throw new Error(`no CSRF token on ${formPage} (status ${page.statusCode})`);
    return m[1]!;
  }

  async post(
    url: string,
    form: Record<string, string>,
    opts: { csrfFrom?: string; csrf?: string | null; headers?: Record<string, string> } = {},
  ) {
    const token = opts.csrf === undefined ? await this.csrf(opts.csrfFrom ?? '/login') : opts.csrf;
    const body = new URLSearchParams({ ...form, ...(token === null ? {} : { _csrf: token }) }).toString();
    const res = await this.server.inject({
      method: 'POST',
      url,
      payload: body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: this.cookieHeader(),
        ...opts.headers,
      },
    });
    this.remember(res);
    return res;
  }

  async login(username: string, password: string) {
    return this.post('/login', { username, password });
  }
}

export async function startTestServer(app: TestApp): Promise<FastifyInstance> {
  const server = await buildServer(app, { logger: false });
  await server.ready();
  return server;
}
