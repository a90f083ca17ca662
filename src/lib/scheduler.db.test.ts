import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, ENGINE, quietLogger, type TestApp } from '../../test/support/test-app.ts';
import { Scheduler } from './scheduler.ts';

describe(`daily job scheduler on ${ENGINE}`, () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await createTestApp({ now: '2026-03-02T02:00:00Z' }); // 10:00 in Beijing
  });
  afterEach(async () => app.destroy());

  it('runs each job once per China-time day across schedulers (two processes)', async () => {
    const days: string[] = [];
    const make = () => {
      const s = new Scheduler({ db: app.database.db, clock: app.clock, log: quietLogger });
      s.register({ name: 'overdue', description: '标记超期', run: async (day) => days.push(day) });
      return s;
    };
    const [a, b] = [make(), make()];
    await Promise.all([a.runDue(), b.runDue()]);
    await a.runDue();
    expect(days).toEqual(['2026-03-02']);
    app.clock.set(new Date('2026-03-02T17:00:00Z')); // 01:00 on 3 March in Beijing: before 07:00
    expect(await a.runDue()).toEqual([]);
    app.clock.set(new Date('2026-03-02T23:30:00Z')); // 07:30 on 3 March in Beijing
    await b.runDue();
    expect(days).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('a failing job is logged, does not stop the others, and is retried on the next check', async () => {
    const errors: string[] = [];
    const s = new Scheduler({
      db: app.database.db,
      clock: app.clock,
      log: { ...quietLogger, error: (_o, m) => errors.push(String(m)) },
    });
    let attempts = 0;
    let other = 0;
    s.register({
      name: 'flaky',
      description: '不稳定任务',
      run: async () => (++attempts === 1 ? Promise.reject(new Error('x')) : 'ok'),
    });
    s.register({ name: 'other', description: '其他任务', run: async () => ++other });
    await s.runDue();
    expect(errors).toEqual(['定时任务失败：不稳定任务']);
    expect(other).toBe(1);
    await s.runDue();
    expect(attempts).toBe(2);
    expect(other).toBe(1);
  });

  it('recurring jobs run at every check and their failures are logged', async () => {
    const errors: string[] = [];
    const s = new Scheduler({
      db: app.database.db,
      clock: app.clock,
      log: { ...quietLogger, error: (_o, m) => errors.push(String(m)) },
    });
    let runs = 0;
    s.registerRecurring({ name: 'publish-due', description: '定时发布', run: async () => ++runs });
    s.registerRecurring({
      name: 'broken',
      description: '坏任务',
      run: async () => Promise.reject(new Error('x')),
    });
    await s.runRecurring();
    await s.runRecurring();
    expect(runs).toBe(2);
    expect(errors).toEqual(['定时任务失败：坏任务', '定时任务失败：坏任务']);
    expect(s.list().map((j) => j.name)).toEqual(['publish-due', 'broken']);
  });
});
