/**
 * Backups: SQLite through its online backup API (safe while the server runs); PostgreSQL through
 * pg_dump / pg_restore in custom format when those tools are installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { Config } from '../config.ts';

export type Progress = (done: number, total: number) => void;

export async function backupDatabase(
  config: Config,
  file: string,
  onProgress: Progress = () => {},
): Promise<void> {
  if (config.dialect === 'postgres')
    return runPgTool('pg_dump', ['--format=custom', `--file=${file}`, config.DATABASE_URL]);
  const src = new SQLite(config.sqlitePath!, { readonly: true, fileMustExist: true });
  try {
    await src.backup(file, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
  } finally {
    src.close();
  }
}

/** Replaces the database with a backup. Stop the server first; the backup is checked before use. */
export async function restoreDatabase(
  config: Config,
  file: string,
  onProgress: Progress = () => {},
): Promise<void> {
  if (!existsSync(file)) throw new Error(`备份文件不存在：${file}`);
  if (config.dialect === 'postgres') {
    return runPgTool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      `--dbname=${config.DATABASE_URL}`,
      file,
    ]);
  }
  const src = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = src.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`备份文件损坏：${String(check)}`);
    const hasSchema = src.prepare("select 1 from sqlite_master where name = 'schema_migrations'").get();
    if (!hasSchema) throw new Error('该文件不是 gongkai 的备份');
    await src.backup(config.sqlitePath!, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
  } finally {
    src.close();
  }
}

function runPgTool(tool: string, args: string[]): void {
  const which = spawnSync('sh', ['-c', `command -v ${tool}`]);
  if (which.status !== 0)
    throw new Error(`未找到 ${tool}：请安装 PostgreSQL 客户端（apt-get install postgresql-client）`);
  const r = spawnSync(tool, ['--verbose', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${tool} 执行失败（退出码 ${r.status}）`);
}
