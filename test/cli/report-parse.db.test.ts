import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { reportText, TABLE3 } from '../fixtures/annual-reports/synthetic.ts';

// `gongkai report parse` reads a file and needs no database; it sits in the db project with the other CLI
// tests because it starts the real command.
const run = promisify(execFile);
const BIN = path.resolve('bin/gongkai.js');
const dir = mkdtempSync(path.join(tmpdir(), 'gk-report-parse-'));

async function gk(...args: string[]) {
  try {
    const r = await run(process.execPath, [BIN, ...args], {
      timeout: 60_000,
      env: { ...process.env, TZ: 'Asia/Shanghai' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('gongkai report parse FILE --json', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints exactly one JSON object of the parse shape and exits 0', async () => {
    const file = path.join(dir, 'report.txt');
    writeFileSync(file, reportText('cellPerLine', { year: 2023 }));
    const r = await gk('report', 'parse', file, '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(Object.keys(parsed)).toEqual(['year', 'table2', 'table3', 'table4', 'prose', 'unreadable']);
    expect(parsed.year).toBe(2023);
    expect(parsed.table3).toEqual(TABLE3);
    expect(Object.keys(parsed.prose)).toEqual(['新收', '上年结转', '办结', '结转下年', '复议', '诉讼']);
  }, 60_000);

  it('exits 2 with a Chinese message on a usage error or a file it cannot read', async () => {
    const usage = await gk('report', 'parse', path.join(dir, 'report.txt'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/用法：gongkai report parse FILE --json/);
    expect(usage.stdout).toBe('');
    const missing = await gk('report', 'parse', path.join(dir, 'missing.txt'), '--json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/无法读取文件“.*missing\.txt”：文件不存在/);
    const folder = await gk('report', 'parse', dir, '--json');
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/这是一个目录/);
    const pdf = path.join(dir, 'report.pdf');
    writeFileSync(pdf, '%PDF-1.7\n');
    const refused = await gk('report', 'parse', pdf, '--json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/不支持的文件格式：PDF/);
  }, 60_000);

  it('lists the command in the usage text', async () => {
    const r = await gk();
    expect(r.stderr).toContain(
      'report parse FILE --json                解析年度报告（表二、表三、表四与正文数字）',
    );
  }, 60_000);
});
