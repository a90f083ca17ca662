import { afterEach, describe, expect, it, vi } from 'vitest';
import { FixedClock } from './clock.ts';
import { Scheduler } from './scheduler.ts';

const quiet = { info: () => {}, error: () => {} };

describe('recurring jobs with their own interval', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('run on their own timer (mail each minute) while the others run at every five-minute check', async () => {
    vi.useFakeTimers();
    // No daily jobs are registered, so the checks never touch the database.
    const s = new Scheduler({ db: {} as never, clock: new FixedClock(new Date()), log: quiet });
    const runs = { mail: 0, publish: 0 };
    s.registerRecurring({
      name: 'mail',
      description: '发送邮件',
      everyMs: 60_000,
      run: async () => runs.mail++,
    });
    s.registerRecurring({ name: 'publish', description: '定时发布', run: async () => runs.publish++ });
    s.start();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual({ mail: 0, publish: 1 });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(runs).toEqual({ mail: 5, publish: 2 });
    await s.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(runs).toEqual({ mail: 5, publish: 2 });
    // `gongkai jobs run [NAME]` runs them all, or only the named one.
    await s.runRecurring('mail');
    expect(runs).toEqual({ mail: 6, publish: 2 });
    await s.runRecurring();
    expect(runs).toEqual({ mail: 7, publish: 3 });
  });

  it('does not start a run of a job while its previous run is still going', async () => {
    vi.useFakeTimers();
    const s = new Scheduler({ db: {} as never, clock: new FixedClock(new Date()), log: quiet });
    let started = 0;
    let release: () => void = () => {};
    s.registerRecurring({
      name: 'slow',
      description: '慢任务',
      everyMs: 60_000,
      run: () => {
        started++;
        return new Promise<void>((r) => {
          release = r;
        });
      },
    });
    s.start();
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(started).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(started).toBe(2);
    release();
    await s.stop();
  });
});
