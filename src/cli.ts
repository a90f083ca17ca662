/**
 * The `gongkai` command-line interface. Every command reads the same configuration as the server.
 * Answers meant for scripts go to stdout; progress and messages go to stderr.
 */
import { parseArgs } from 'node:util';
import { type App, createApp } from './app.ts';
import { ConfigError, loadConfig, loadDotEnv } from './config.ts';
import { backupDatabase, restoreDatabase } from './db/backup.ts';
import { migrateDown, migrateUp, migrationStatus } from './db/migrator.ts';
import { isEmpty, seedDemo } from './db/seeds/demo.ts';
import { NO_REQUEST, systemActor } from './lib/actor.ts';
import { isValidPlainDate } from './lib/calendar/index.ts';
import { isAppError } from './lib/errors.ts';
import { maskSmtpUrl } from './lib/mail/mail-address.ts';
import { describeBreak } from './modules/audit/views/audit-pages.tsx';

const USAGE = `用法 / usage: gongkai <command>

  serve                                   启动服务 (HOST, PORT, DATABASE_URL …)
  migrate up|down|status                  数据库迁移
  seed --demo                             载入演示数据（仅空数据库）
  user create --username U --name N --unit UNIT [--role ROLE] [--password P]
  user reset-password USERNAME [--password P]
  user unlock USERNAME
  backup FILE | restore FILE              备份 / 恢复数据库
  audit verify                            校验审计日志哈希链
  config check                            检查配置
  calendar add-working-days DATE N        DATE 之后第 N 个工作日
  calendar is-working-day DATE            输出 yes 或 no
  plan parse FILE --json                  解析工作要点为任务 JSON
  report parse FILE --json                解析年度报告（表二、表三、表四与正文数字）
  jobs list | jobs run [NAME]             列出 / 立即运行今天尚未运行的每日任务
  mail status                             电子邮件发送情况（待发送、已发送、失败、最近错误）
  mail test ADDRESS                       立即发送一封测试邮件
  mail retry                              将发送失败的电子邮件重新排队
`;

const cli = { actor: systemActor('命令行'), meta: NO_REQUEST };
const err = (s: string) => process.stderr.write(`${s}\n`);

async function withApp<T>(fn: (app: App) => Promise<T>): Promise<T> {
  const app = createApp(loadConfig(), {
    log: { info: () => {}, warn: (_o, m) => err(String(m)), error: (_o, m) => err(String(m)) },
  });
  try {
    await migrateUp(app.database.db);
    return await fn(app);
  } finally {
    await app.close();
  }
}

function progressBar(label: string) {
  return (done: number, total: number) => {
    const pct = total ? Math.floor((done / total) * 100) : 100;
    process.stderr.write(`\r${label} ${pct}% (${done}/${total})${done >= total ? '\n' : ''}`);
  };
}

type Handler = (args: string[]) => Promise<number>;

const commands: Record<string, Handler> = {
  async serve() {
    const { serve } = await import('./main.ts');
    await serve();
    return -1; // keep running
  },

  async migrate([sub]) {
    const app = createApp(loadConfig());
    try {
      if (sub === 'up')
        for (const r of (await migrateUp(app.database.db)).results ?? [])
          err(`${r.status}: ${r.migrationName}`);
      else if (sub === 'down')
        for (const r of (await migrateDown(app.database.db)).results ?? [])
          err(`${r.status}: ${r.migrationName}`);
      else if (sub === 'status')
        for (const m of await migrationStatus(app.database.db))
          console.log(`${m.executedAt ? '已执行' : '未执行'}\t${m.name}`);
      else return usage();
      return 0;
    } finally {
      await app.close();
    }
  },

  async seed(args) {
    if (!args.includes('--demo')) return usage();
    return withApp(async (app) => {
      if (!(await isEmpty(app))) {
        err('数据库中已有单位数据，未载入演示数据');
        return 1;
      }
      const r = await seedDemo(app, err);
      err(`完成：${r.units} 个单位，${r.users} 个账户`);
      return 0;
    });
  },

  async user([sub, ...rest]) {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        username: { type: 'string' },
        name: { type: 'string' },
        unit: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
      },
    });
    return withApp(async (app) => {
      if (sub === 'create') {
        const unit = /^\d+$/.test(values.unit ?? '')
          ? await app.unitRepo.findById(Number(values.unit))
          : await app.unitRepo.findByName(values.unit ?? '');
        if (!unit) throw new Error(`找不到单位：${values.unit ?? '（未指定 --unit）'}`);
        const r = await app.users.createUser(
          cli,
          { username: values.username, displayName: values.name, unitId: unit.id },
          { password: values.password },
        );
        if (values.role) await app.users.grantRole(cli, r.id, { role: values.role, unitId: unit.id });
        console.log(
          r.temporaryPassword
            ? `已创建账户 ${values.username}，一次性密码：${r.temporaryPassword}`
            : `已创建账户 ${values.username}`,
        );
        return 0;
      }
      const user = positionals[0] ? await app.accounts.findUserByUsername(positionals[0]) : undefined;
      if (!user) throw new Error(`找不到账户：${positionals[0] ?? '（未指定）'}`);
      if (sub === 'reset-password') {
        console.log(`新的一次性密码：${await app.users.resetPassword(cli, user.id, values.password)}`);
        return 0;
      }
      if (sub === 'unlock') {
        await app.users.unlock(cli, user.id);
        console.log(`已解锁账户 ${user.username}`);
        return 0;
      }
      return usage();
    });
  },

  async backup([file]) {
    if (!file) return usage();
    await backupDatabase(loadConfig(), file, progressBar('备份'));
    err(`已备份到 ${file}`);
    return 0;
  },

  async restore([file]) {
    if (!file) return usage();
    await restoreDatabase(loadConfig(), file, progressBar('恢复'));
    err(`已从 ${file} 恢复；请重新启动服务`);
    return 0;
  },

  async audit([sub]) {
    if (sub !== 'verify') return usage();
    return withApp(async (app) => {
      const broken = await app.auditRepo.verify(progressBar('校验'));
      if (broken) {
        console.log(`审计日志校验失败：${describeBreak(broken)}`);
        return 2;
      }
      console.log('审计日志完整：哈希链校验通过');
      return 0;
    });
  },

  async config([sub]) {
    if (sub !== 'check') return usage();
    const c = loadConfig();
    console.log(
      `配置有效：数据库 ${c.dialect}，监听 ${c.HOST}:${c.PORT}，数据目录 ${c.DATA_DIR}，演示模式 ${c.DEMO_MODE ? '开' : '关'}`,
    );
    console.log(
      c.SMTP_URL
        ? `电子邮件：${maskSmtpUrl(c.SMTP_URL)}，发件人 ${c.MAIL_FROM}`
        : '电子邮件：未配置（不发送电子邮件）',
    );
    return 0;
  },

  async calendar([sub, date, n]) {
    if (!isValidPlainDate(date)) throw new Error(`日期格式应为 YYYY-MM-DD：${date ?? '（未指定）'}`);
    return withApp(async (app) => {
      const cal = await app.calendar.calendar();
      if (sub === 'is-working-day') console.log(cal.isWorkingDay(date) ? 'yes' : 'no');
      else if (sub === 'add-working-days' && n !== undefined && /^\d+$/.test(n))
        console.log(cal.addWorkingDays(date, Number(n)));
      else return usage();
      return 0;
    });
  },

  async jobs([sub, name]) {
    return withApp(async (app) => {
      if (sub === 'list') for (const j of app.scheduler.list()) console.log(`${j.name}\t${j.description}`);
      else if (sub === 'run') {
        await app.scheduler.runRecurring(name);
        const daily = await app.scheduler.runDue({ name, ignoreHour: true });
        for (const r of daily) console.log(`${r.name}\t${r.ran ? '已运行' : '今天已运行过，跳过'}`);
        if (name && !daily.length && app.scheduler.list().some((j) => j.name === name))
          console.log(`${name}\t已运行`);
      } else return usage();
      return 0;
    });
  },

  async mail([sub, address]) {
    if (!['status', 'test', 'retry'].includes(sub ?? '') || (sub === 'test' && !address)) return usage();
    const { mailCommand } = await import('./lib/mail/mail-cli.ts');
    return withApp((app) =>
      mailCommand(app.mail, cli, { sub: sub as 'status' | 'test' | 'retry', address, config: app.config }),
    );
  },

  async plan([sub, file, ...rest]) {
    if (sub !== 'parse' || !file || !rest.includes('--json')) return usage();
    const { parsePlanFile, formatTasksJson } = await import('./modules/tasks/plan-parser/index.ts');
    console.log(formatTasksJson(await parsePlanFile(file)));
    return 0;
  },

  report: reportCommand,
};

/** `report parse FILE --json`: exit 2 (with the reason in Chinese) when the command or the file is unusable. */
async function reportCommand([sub, file, ...rest]: string[]): Promise<number> {
  if (sub !== 'parse' || !file || file.startsWith('--') || !rest.includes('--json')) {
    err('用法：gongkai report parse FILE --json（FILE 为年度报告的 .txt、.html 或 .docx 文件）');
    return 2;
  }
  const { readFile } = await import('node:fs/promises');
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    err(
      `无法读取文件“${file}”：${code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : (e as Error).message}`,
    );
    return 2;
  }
  const { parseReportFile } = await import('./modules/reports/report-parse/index.ts');
  try {
    console.log(JSON.stringify(await parseReportFile(content, file), null, 2));
  } catch (e) {
    err(`无法读取文件“${file}”：${(e as Error).message}`);
    return 2;
  }
  return 0;
}

function usage(): number {
  err(USAGE);
  return 64;
}

async function main(argv: string[]): Promise<void> {
  loadDotEnv();
  const [name, ...args] = argv;
  const handler = name ? commands[name] : undefined;
  if (!handler) {
    process.exitCode = usage();
    return;
  }
  try {
    const code = await handler(args);
    if (code >= 0) process.exitCode = code;
  } catch (e) {
    if (e instanceof ConfigError) err(e.message);
    else if (isAppError(e)) err([e.message, ...e.problems.map((p) => `  - ${p.message}`)].join('\n'));
    else err(`错误：${(e as Error).message}`);
    process.exitCode = 1;
  }
}

await main(process.argv.slice(2));
