/**
 * Start-up: configuration → database → migrations → (demo data) → HTTP server, and graceful
 * shutdown that lets in-flight requests finish.
 */
import type { FastifyInstance } from 'fastify';
import { type App, createApp } from './app.ts';
import { loadConfig, loadDotEnv } from './config.ts';
import { migrateUp } from './db/migrator.ts';
import { isEmpty, seedDemo } from './db/seeds/demo.ts';
import { buildServer } from './http/server.ts';

export interface Running {
  app: App;
  server: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/** Opens everything and listens; used by `gongkai serve`, the browser tests and the benchmark. */
export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  opts: { logger?: boolean } = {},
): Promise<Running> {
  loadDotEnv();
  const config = loadConfig(env);
  const app = createApp(config);
  await migrateUp(app.database.db);
  if (config.DEMO_MODE && config.SEED_DEMO_ON_START && (await isEmpty(app))) {
    const r = await seedDemo(app, (m) => app.log.info({ event: 'seed.demo' }, m));
    app.log.info({ event: 'seed.demo', ...r }, '演示数据已加载');
  }
  const server = await buildServer(app, opts);
  if (config.JOBS_ENABLED) app.scheduler.start();
  const host = await listen(server, config.HOST, config.PORT);
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${host.includes(':') ? `[${host === '::' ? '::1' : host}]` : host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await server.close();
      await app.close();
    })();
    return stopping;
  };
  return { app, server, url, stop };
}

/** Listens on HOST; when '::' is unavailable (IPv6 disabled), falls back to 0.0.0.0 with a warning. */
async function listen(server: FastifyInstance, host: string, port: number): Promise<string> {
  try {
    await server.listen({ host, port });
    return host;
  } catch (e) {
    if (host !== '::' || !['EAFNOSUPPORT', 'EADDRNOTAVAIL'].includes((e as NodeJS.ErrnoException).code ?? ''))
      throw e;
    server.log.warn('IPv6 is not available on this machine; listening on 0.0.0.0 (IPv4 only)');
    await server.listen({ host: '0.0.0.0', port });
    return '0.0.0.0';
  }
}

/** `gongkai serve`: runs until SIGINT/SIGTERM, then drains in-flight requests and exits. */
export async function serve(): Promise<void> {
  const running = await startServer();
  running.app.log.info(
    { event: 'server.ready', url: running.url, database: running.app.database.dialect },
    `gongkai 已启动：${running.url}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      running.app.log.info({ event: 'server.stopping', signal }, '正在停止…');
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
