import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Actor, type CallContext, NO_REQUEST, systemActor } from '../actor.ts';
import { AppError } from '../errors.ts';
import {
  availability,
  type EventRule,
  guard,
  offeredEvents,
  targetOf,
  type WorkflowDefinition,
} from './definition.ts';
import { type AuditPort, type TransactionPort, type WorkflowAuditEntry, WorkflowEngine } from './engine.ts';
import { transitionTableDrift } from './transition-table.ts';

type St = 'open' | 'done' | 'gone';
type Ev = 'finish' | 'reopen' | 'purge';
interface Item {
  state: St;
  owner: number;
  locked: boolean;
}
interface Rule extends EventRule<St, Item> {
  job?: boolean;
}
const user = (userId: number): Actor => ({
  kind: 'user',
  userId,
  username: `u${userId}`,
  displayName: `u${userId}`,
  unitId: 1,
  grants: [],
});

const DEF: WorkflowDefinition<St, Ev, Item, { note?: string }, Actor, Rule> = {
  states: ['open', 'done', 'gone'],
  stateLabels: { open: '进行中', done: '已完成', gone: '已删除' },
  events: {
    finish: { label: '完成', from: ['open'], to: 'done' },
    reopen: {
      label: '重新打开',
      from: ['done'],
      to: { oneOf: ['open', 'done'], pick: (i) => (i.locked ? 'done' : 'open') },
    },
    purge: { label: '清除', from: ['done'], to: null, job: true },
  },
  stateOf: (i) => i.state,
  stateProblem: (state, rule) => `“${state}”不能${rule.label}`,
  checks: (event) => [
    guard.actor((i: Item, a: Actor) => (a.kind === 'user' && a.userId === i.owner ? null : '不是本人')),
    guard.subject((i: Item) => (i.locked ? '已锁定' : null)),
    ...(event === 'finish'
      ? [guard.input((_i: Item, x: { note?: string }) => (x.note ? null : '请写说明'))]
      : []),
  ],
  offered: (_e, r) => !r.job,
};

describe('definition', () => {
  const item: Item = { state: 'done', owner: 1, locked: true };
  it('lists every reason in order and skips input checks for availability', () => {
    const all = availability(DEF, { ...item, state: 'open' }, user(2));
    expect(all.find((a) => a.event === 'finish')).toMatchObject({
      inState: true,
      available: false,
      reasons: ['不是本人', '已锁定'],
    });
    expect(all.find((a) => a.event === 'reopen')?.reasons).toEqual([
      '“open”不能重新打开',
      '不是本人',
      '已锁定',
    ]);
    expect(offeredEvents(availability(DEF, item, user(1))).map((a) => a.event)).toEqual(['reopen']);
  });
  it('picks a routed target', () => {
    expect(targetOf(DEF.events.reopen, item)).toBe('done');
    expect(targetOf(DEF.events.reopen, { ...item, locked: false })).toBe('open');
    expect(targetOf(DEF.events.purge, item)).toBeNull();
  });
});

/** A fake transaction: records what happens, in order. */
function fakes() {
  const log: string[] = [];
  const db: TransactionPort<'trx'> = {
    transaction: () => ({
      execute: async <T>(cb: (trx: 'trx') => Promise<T>) => {
        log.push('begin');
        try {
          const out = await cb('trx');
          log.push('commit');
          return out;
        } catch (e) {
          log.push('rollback');
          throw e;
        }
      },
    }),
  };
  const audit: AuditPort<'trx'> = {
    record: async (_trx, _ctx, e: WorkflowAuditEntry) => {
      log.push(`audit ${e.action}`);
    },
  };
  return { log, engine: new WorkflowEngine(DEF, { db, audit }) };
}
const ctx = (actor: Actor): CallContext => ({ actor, meta: NO_REQUEST });
const schema = z.object({ note: z.string().min(1, '请写说明').optional() });

describe('engine.run', () => {
  const plan = (log: string[], item: Item, changed = true) => ({
    input: { schema, raw: { note: 'x' } },
    event: 'finish' as const,
    prepare: async () => item,
    subject: (i: Item) => i,
    env: () => user(1),
    guardInput: (v: { note?: string | undefined }) => v,
    commit: () => ({
      effect: () => {
        log.push('effect');
        return 7;
      },
      change: async (_t: 'trx', w: number) => {
        log.push(`change ${w}`);
        return changed;
      },
      record: async () => {
        log.push('timeline');
      },
      audit: () => ({ action: 'item.finish', summary: '完成' }),
      enqueue: async () => {
        log.push('enqueue');
        return [{ action: 'item.mailed', summary: '邮件' }];
      },
      result: () => 'ok',
    }),
    afterCommit: () => {
      log.push('after');
    },
  });

  it('runs the steps in order in one transaction, then the effects', async () => {
    const { log, engine } = fakes();
    const out = await engine.run(ctx(user(1)), plan(log, { state: 'open', owner: 1, locked: false }));
    expect(out).toBe('ok');
    expect(log).toEqual([
      'begin',
      'effect',
      'change 7',
      'timeline',
      'audit item.finish',
      'enqueue',
      'audit item.mailed',
      'commit',
      'after',
    ]);
  });

  it('throws the conflict when the compare-and-set changed nothing, and rolls back', async () => {
    const { log, engine } = fakes();
    const p = plan(log, { state: 'open', owner: 1, locked: false }, false);
    await expect(engine.run(ctx(user(1)), p)).rejects.toMatchObject({ code: 'invalid_transition' });
    expect(log).toEqual(['begin', 'effect', 'change 7', 'rollback']);
  });

  it('refuses with every reason before opening a transaction', async () => {
    const { log, engine } = fakes();
    const p = { ...plan(log, { state: 'done', owner: 1, locked: true }), input: { schema, raw: {} } };
    const e = (await engine.run(ctx(user(1)), p).catch((x) => x)) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('invalid_transition');
    expect(e.message).toBe('不能完成：“done”不能完成；已锁定；请写说明');
    const forbidden = (await engine
      .run(ctx(systemActor()), { ...p, env: () => systemActor() })
      .catch((x) => x)) as AppError;
    expect(forbidden.code).toBe('forbidden');
    expect(log).toEqual([]);
  });

  it('answers malformed input at once when asked to', async () => {
    const { engine, log } = fakes();
    const p = plan(log, { state: 'open', owner: 1, locked: false });
    let loaded = false;
    const run = engine.run(ctx(user(1)), {
      ...p,
      input: { schema, raw: { note: '' }, first: true },
      prepare: async () => {
        loaded = true;
        return { state: 'open', owner: 1, locked: false } as Item;
      },
    });
    await expect(run).rejects.toMatchObject({
      code: 'validation',
      problems: [{ field: 'note', message: '请写说明' }],
    });
    expect(loaded).toBe(false);
  });
});

describe('transitionTableDrift', () => {
  const columns = [
    { header: 'Event', cell: (e: Ev, r: Rule) => `${e} ${r.label}` },
    {
      header: 'To',
      cell: (_e: Ev, r: Rule) => String(r.to && typeof r.to === 'object' ? r.to.oneOf.join(' or ') : r.to),
    },
  ];
  const md = (rows: string) => `# T\n\ntext\n\n| Event | To | Notes |\n|---|---|---|\n${rows}\n\nafter\n`;
  it('accepts a table in step and ignores note rows', () => {
    const rows =
      '| finish 完成 | done | x |\n| reopen 重新打开 | open or done | y |\n| (note) | — | z |\n| purge 清除 | null | |';
    expect(transitionTableDrift(md(rows), '# T', DEF.events, columns)).toEqual([]);
  });
  it('names a changed label, a missing event and a wrong header', () => {
    const rows = '| finish 结束 | done | x |\n| reopen 重新打开 | open or done | y |';
    expect(
      transitionTableDrift(md(rows).replace('| To |', '| Target |'), '# T', DEF.events, columns),
    ).toEqual([
      'column 2: header "Target", expected "To"',
      'row 1: "| finish 结束 | done |", expected "| finish 完成 | done |"',
      'row 3: "|  |", expected "| purge 清除 | null |"',
    ]);
  });
});
