import { describe, expect, it } from 'vitest';
import { draftFromParsed } from './plan-import-drafts.ts';
import type { ParsedPlan, ParsedTask } from './plan-parser/index.ts';

const task = (number: string, extra: Partial<ParsedTask> & { allUnits?: boolean } = {}): ParsedTask => ({
  ...{ number, path: [], title: `任务${number}`, content: '', leadUnits: [], units: [], deadline: null },
  uncertain: [],
  ...extra,
});
const plan = (sections: ParsedPlan['plans']): ParsedPlan => ({
  ...{ title: null, year: 2022, issuer: null, docNumber: null, warnings: [] },
  ...{ plans: sections, tasks: sections.flatMap((s) => s.tasks) },
});
const head = { unitId: 1, year: 2022, title: '输入的标题', source: 's', implementsPlanId: null };

describe('draftFromParsed', () => {
  it('keeps one plan per parsed section with its own title, the typed title for a single plan', () => {
    const two = draftFromParsed(
      head,
      plan([
        { title: '甲工作要点', tasks: [task('1')] },
        { title: null, tasks: [task('1'), task('2')] },
      ]),
    );
    expect(two.sections).toEqual([{ title: '甲工作要点' }, { title: '输入的标题（2）' }]);
    expect(two.tasks.map((t) => [t.key, t.section])).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
    ]);
    const one = draftFromParsed(head, plan([{ title: '解析出的标题', tasks: [task('1')] }]));
    expect(one.sections).toEqual([{ title: '输入的标题' }]);
  });

  it('takes 各单位 from the parser when it marks a task (allUnits)', () => {
    const d = draftFromParsed(
      head,
      plan([{ title: null, tasks: [task('1', { allUnits: true }), task('2')] }]),
    );
    expect(d.tasks.map((t) => t.allUnits)).toEqual([true, false]);
  });
});
