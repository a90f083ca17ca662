/**
 * The 依申请公开 services of a test app, wired exactly as the app wires them (the requests manifest
 * builds them with `createRequests` from the app's database, clock, audit log, units, calendar and
 * mail outbox), for the tests of those services. A test that needs another encryption key or start
 * time says so here; the key goes through DATA_ENCRYPTION_KEY like a deployment's.
 */
import type { Requests } from '../../src/modules/requests/requests.services.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface RequestsTestOptions {
  /** The test clock's start (default that of createTestApp); move it with `app.clock.set`. */
  now?: string;
  /** The key for applicants' personal data (a 32-byte key; default the test data directory's). */
  encryptionKey?: Buffer;
  /** Further environment for the app (src/config.ts). */
  env?: Record<string, string>;
}

/** A fresh test app and its 依申请公开 services (`app.requests`). Destroy the app after the test. */
export async function createRequestsTestApp(
  opts: RequestsTestOptions = {},
): Promise<{ app: TestApp; requests: Requests }> {
  const env = {
    ...opts.env,
    ...(opts.encryptionKey ? { DATA_ENCRYPTION_KEY: opts.encryptionKey.toString('base64') } : {}),
  };
  const app = await createTestApp({ ...(opts.now ? { now: opts.now } : {}), env });
  return { app, requests: app.requests };
}
