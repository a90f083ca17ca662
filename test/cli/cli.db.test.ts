import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, ENGINE } from '../support/test-app.ts';

const run = promisify(execFile);
const BIN = path.resolve('bin/gongkai.js');

// Every command starts a process that compiles TypeScript (tsx): seconds each when idle, many times that
// on a busy 2-core CI machine; a test runs several commands.
describe(`gongkai CLI on ${ENGINE}`, { timeout: 240_000 }, () => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let drop: () => Promise<void>;
  const gk = async (...args: string[]) => {
    try {
      // The demo county (≈ 900 documents, cases and library entries through the real services) takes about
      // 30 s on an idle 2-core machine with PostgreSQL; a busy CI machine needs several times that.
      const r = await run(process.execPath, [BIN, ...args], { env, timeout: 200_000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'gk-cli-'));
    const db = await createTestDatabaseUrl();
    drop = db.drop;
    env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: db.url,
      TZ: 'America/Los_Angeles',
      NODE_ENV: 'test',
    };
  });
  afterAll(async () => {
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates, reports status and seeds the demo county', async () => {
    expect((await gk('migrate', 'up')).code).toBe(0);
    const status = await gk('migrate', 'status');
    expect(status.stdout).toMatch(/已执行\t0001-platform/);
    const seed = await gk('seed', '--demo');
    expect(seed.code).toBe(0);
    expect(seed.stderr).toMatch(/完成：\d+ 个单位，9 个账户/);
    expect(seed.stderr).toMatch(/已载入演示规范性文件 \d+ 件、政策解读 \d+ 篇和一次文件清理/);
    expect(seed.stderr).toMatch(
      /已载入演示年度报告：\d{4}年度 2 份已发布，\d{4}年度 6 份（草稿 4、审核中 1、已发布 1）/,
    );
    expect((await gk('seed', '--demo')).code).toBe(1);
  }, 420_000);

  it('answers calendar questions for scripts, in China time whatever the server time zone', async () => {
    expect((await gk('calendar', 'is-working-day', '2026-02-28')).stdout.trim()).toBe('yes');
    expect((await gk('calendar', 'is-working-day', '2026-10-01')).stdout.trim()).toBe('no');
    expect((await gk('calendar', 'add-working-days', '2025-09-26', '20')).stdout.trim()).toBe('2025-10-30');
    const bad = await gk('calendar', 'is-working-day', '2026-13-01');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('日期格式');
  });

  it('creates users, resets and unlocks them', async () => {
    const c = await gk(
      'user',
      'create',
      '--username',
      'cliuser',
      '--name',
      '命令行用户',
      '--unit',
      '县财政局',
      '--role',
      'clerk',
    );
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/一次性密码：\S{12}/);
    expect((await gk('user', 'reset-password', 'cliuser')).stdout).toMatch(/新的一次性密码/);
    expect((await gk('user', 'unlock', 'cliuser')).code).toBe(0);
    const missing = await gk('user', 'unlock', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到账户');
  });

  it('verifies the audit chain', async () => {
    const r = await gk('audit', 'verify');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('审计日志完整');
  });

  it('lists every configuration problem and exits non-zero', async () => {
    const saved = env;
    env = { ...env, PORT: 'x', SESSION_IDLE_MINUTES: '0' };
    const r = await gk('config', 'check');
    env = saved;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PORT');
    expect(r.stderr).toContain('SESSION_IDLE_MINUTES');
    expect((await gk('config', 'check')).stdout).toContain('配置有效');
  });

  it('backs up online and restores the database (SQLite backup API / pg_dump + pg_restore)', async () => {
    const file = path.join(dataDir, ENGINE === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
    const b = await gk('backup', file);
    expect(b.code).toBe(0);
    await gk('user', 'create', '--username', 'afterbackup', '--name', '备份后', '--unit', '县财政局');
    const r = await gk('restore', file);
    expect(r.code).toBe(0);
    expect((await gk('user', 'unlock', 'afterbackup')).stderr).toContain('找不到账户');
    expect((await gk('user', 'unlock', 'cliuser')).code).toBe(0);
    expect((await gk('restore', path.join(dataDir, 'missing.sqlite'))).stderr).toContain('备份文件不存在');
  });

  it('prints usage for unknown commands', async () => {
    const r = await gk('frobnicate');
    expect(r.code).toBe(64);
    expect(r.stderr).toContain('用法');
  });
});
