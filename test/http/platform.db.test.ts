import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../src/db/seeds/demo-units.ts';
import { Browser, startTestServer } from '../support/http.ts';
import { createTestApp, ENGINE, type TestApp } from '../support/test-app.ts';

describe(`HTTP: pages, security and forms on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app);
    server = await startTestServer(app);
  });
  afterAll(async () => {
    await server.close();
    await app.destroy();
  });

  it('serves the public pages with security headers and a CSP without inline scripts', async () => {
    const b = new Browser(server);
    for (const url of ['/', '/units', '/units/1', '/search?q=发展', '/accessibility', '/login']) {
      const res = await b.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    const res = await b.get('/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toContain('跳到主要内容');
    expect(res.body).toContain('网站标识码');
    // Public pages are cacheable and carry no forms; the CSRF seed is issued by pages with forms.
    const csrfCookie = (await new Browser(server).get('/login')).cookies.find((c) => c.name === 'gk_csrf');
    expect(csrfCookie?.httpOnly).toBe(true);
    expect(csrfCookie?.sameSite).toBe('Lax');
  });

  it('escapes user-supplied text', async () => {
    const res = await new Browser(server).get(`/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script>');
  });

  it('answers /healthz and /readyz', async () => {
    const b = new Browser(server);
    expect(JSON.parse((await b.get('/healthz')).body)).toEqual({ status: 'ok' });
    expect(JSON.parse((await b.get('/readyz')).body)).toEqual({ status: 'ok', database: ENGINE });
  });

  it('shows a Chinese 404 page and never a stack trace', async () => {
    const res = await new Browser(server).get('/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('页面不存在');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses state changes without a valid CSRF token or from another origin', async () => {
    const b = new Browser(server);
    await b.get('/login');
    expect(
      (await b.post('/login', { username: 'sysadmin', password: DEMO_PASSWORD }, { csrf: null })).statusCode,
    ).toBe(403);
    expect(
      (await b.post('/login', { username: 'sysadmin', password: DEMO_PASSWORD }, { csrf: 'forged' }))
        .statusCode,
    ).toBe(403);
    const evil = await b.post(
      '/login',
      { username: 'sysadmin', password: DEMO_PASSWORD },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(evil.statusCode).toBe(403);
    expect(evil.body).toContain('来源');
  });

  it('logs in with an HttpOnly session cookie, redirects anonymous visitors to the login page', async () => {
    const b = new Browser(server);
    const anon = await b.get('/admin/units');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/login?next=%2Fadmin%2Funits');
    const res = await b.post('/login', {
      username: 'sysadmin',
      password: DEMO_PASSWORD,
      next: '/admin/units',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/units');
    const sid = res.cookies.find((c) => c.name === 'gk_sid');
    expect(sid?.httpOnly).toBe(true);
    expect(sid?.sameSite).toBe('Lax');
    expect((await b.get('/admin/units')).body).toContain('县发展和改革局');
  });

  it('a failed login keeps the username, names the field and never echoes the password', async () => {
    const b = new Browser(server);
    const res = await b.post('/login', { username: 'gkadmin', password: 'Wrong-pass-1' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('用户名或密码不正确');
    expect(res.body).toContain('href="#f-username"');
    expect(res.body).toContain('value="gkadmin"');
    expect(res.body).not.toContain('Wrong-pass-1');
  });

  it('shows each role only its own back-office sections (三员)', async () => {
    const expectations: [string, string[], string[]][] = [
      ['sysadmin', ['/admin/units', '/admin/calendar'], ['/admin/users', '/admin/audit']],
      ['secadmin', ['/admin/users'], ['/admin/units', '/admin/audit', '/admin/calendar']],
      ['auditor', ['/admin/audit'], ['/admin/units', '/admin/users', '/admin/calendar']],
      ['clerk', ['/admin'], ['/admin/units', '/admin/users', '/admin/audit']],
    ];
    for (const [user, allowed, denied] of expectations) {
      const b = new Browser(server);
      await b.login(user, DEMO_PASSWORD);
      for (const url of allowed) expect((await b.get(url)).statusCode, `${user} ${url}`).toBe(200);
      for (const url of denied) expect((await b.get(url)).statusCode, `${user} ${url}`).toBe(403);
    }
  });

  it('a rejected unit form lists every problem, links to fields and keeps what was typed', async () => {
    const b = new Browser(server);
    await b.login('sysadmin', DEMO_PASSWORD);
    const before = (await app.unitRepo.listAll()).length;
    const res = await b.post(
      '/admin/units/new?parent=1',
      { kind: 'department', name: '', creditCode: '91350100M000100Y44', email: 'x@', phone: '0745-1234567' },
      { csrfFrom: '/admin/units/new?parent=1' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('提交未成功，请修改以下 3 处问题');
    for (const f of ['name', 'creditCode', 'email']) expect(res.body).toContain(`href="#f-${f}"`);
    expect(res.body).toContain('value="91350100M000100Y44"');
    expect(res.body).toContain('value="0745-1234567"');
    expect((await app.unitRepo.listAll()).length).toBe(before);
  });

  it('creates a unit and a user through the forms; the auditor exports both events', async () => {
    const sys = new Browser(server);
    await sys.login('sysadmin', DEMO_PASSWORD);
    const created = await sys.post(
      '/admin/units/new?parent=1',
      { kind: 'department', name: '县数据资源局', creditCode: '' },
      { csrfFrom: '/admin/units/new?parent=1' },
    );
    expect(created.statusCode).toBe(303);
    const unit = await app.unitRepo.findByName('县数据资源局');
    expect(unit).toBeDefined();

    const sec = new Browser(server);
    await sec.login('secadmin', DEMO_PASSWORD);
    const userRes = await sec.post(
      '/admin/users/new',
      { username: 'shuju', displayName: '孙数据', unitId: String(unit!.id) },
      { csrfFrom: '/admin/users/new' },
    );
    expect(userRes.statusCode).toBe(200);
    const temp = /class="mono">([^<]+)</.exec(userRes.body)?.[1];
    expect(temp).toHaveLength(12);

    const fresh = new Browser(server);
    const first = await fresh.login('shuju', temp!);
    expect(first.headers.location).toBe('/admin/password');
    expect((await fresh.get('/admin')).headers.location).toBe('/admin/password');

    const aud = new Browser(server);
    await aud.login('auditor', DEMO_PASSWORD);
    const page = await aud.get('/admin/audit?action=unit.create');
    expect(page.body).toContain('新建单位“县数据资源局”');
    const csv = await aud.get('/admin/audit/export.csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('审计日志.csv')}`,
    );
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('县数据资源局');
    expect(csv.body).toContain('shuju');
    const xlsx = await aud.get('/admin/audit/export.xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await app.auditRepo.list({ action: 'audit.export' }, 5)).length).toBe(2);
  });

  it('the 长者模式 link sets a lasting preference and marks the page', async () => {
    const b = new Browser(server);
    const res = await b.get('/preferences/elder-mode?on=1&return=/units');
    expect(res.headers.location).toBe('/units');
    expect((await b.get('/units')).body).toContain('<html lang="zh-CN" class="elder">');
    expect((await b.get('/preferences/elder-mode?on=1&return=//evil.example')).headers.location).toBe('/');
  });

  it('rate-limits log-in attempts per account', async () => {
    const b = new Browser(server);
    const statuses: number[] = [];
    for (let i = 0; i < app.config.LOGIN_MAX_PER_ACCOUNT_PER_MINUTE + 1; i++) {
      statuses.push((await b.post('/login', { username: 'ratelimited-user', password: 'x' })).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
