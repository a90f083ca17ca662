import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, type TestApp } from '../../test/support/test-app.ts';
import { runOnce } from './jobs.ts';

describe(`runOnce on ${ENGINE}`, () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp();
  });
  afterEach(async () => app.destroy());

  it('runs a job once per key, even when two runners race', async () => {
    let count = 0;
    const work = async () => ++count;
    const results = await Promise.all([
      runOnce(app.database.db, app.clock, 'reminders', '2026-03-02', work),
      runOnce(app.database.db, app.clock, 'reminders', '2026-03-02', work),
    ]);
    expect(count).toBe(1);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect((await runOnce(app.database.db, app.clock, 'reminders', '2026-03-03', work)).ran).toBe(true);
    expect(count).toBe(2);
  });

  it('releases the claim when the work fails so it can be retried', async () => {
    await expect(
      runOnce(app.database.db, app.clock, 'j', 'k', async () => Promise.reject(new Error('x'))),
    ).rejects.toThrow('x');
    expect((await runOnce(app.database.db, app.clock, 'j', 'k', async () => 1)).ran).toBe(true);
  });
});
