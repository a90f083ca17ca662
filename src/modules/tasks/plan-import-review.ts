/**
 * The reviewer's edits of an import draft (issue 10): plan titles, one-off name mappings, units set by
 * hand or in bulk, 各单位, deleting and merging rows, splitting and joining plans, and moving a task to
 * another plan. Pure: every function takes the stored draft and the submitted form and returns the new
 * draft or every problem by field (then nothing is stored). Unit matching comes in as a DraftMatcher.
 */
import type { FieldProblem } from '../../lib/errors.ts';
import { parseInput } from '../../lib/validation.ts';
import { UNIT_KIND_LABELS, type UnitKind } from '../orgs/unit.model.ts';
import type { StoredDraft, StoredTask } from './plan-import-drafts.ts';
import { RECURRENCE_WORDS } from './task-ledger-export.ts';
import type { NameMatch, UnitMatchResult } from './unit-matcher.ts';
import { type TaskFields, taskFieldsSchema } from './work-plan.schemas.ts';
import type { DraftMatcher } from './work-plan.service.ts';

type Fields = Record<string, string | string[]>;
const str = (f: Fields, k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
const list = (f: Fields, k: string) => {
  const v = f[k];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** A task's units now: chosen by hand, else matched from the names as written. */
export interface TaskUnits {
  lead: number[];
  co: number[];
  leadMatch: UnitMatchResult;
  unitMatch: UnitMatchResult;
}

export function unitsOf(t: StoredTask, m: DraftMatcher): TaskUnits {
  const leadMatch = m.match(t.leadNames);
  const unitMatch = m.match(t.unitNames);
  if (t.override) return { ...t.override, leadMatch, unitMatch };
  const lead = leadMatch.unitIds;
  return { lead, co: unitMatch.unitIds.filter((id) => !lead.includes(id)), leadMatch, unitMatch };
}

/** Whether a task would be saved without any unit (the confirmation refuses it). */
export function lacksUnits(t: StoredTask, u: TaskUnits, m: DraftMatcher): boolean {
  return u.lead.length + u.co.length + (t.allUnits ? m.everyone.length : 0) === 0;
}

/** Names still unmatched before any one-off mapping, with the task numbers using them. */
export function namesToMap(d: StoredDraft, m: DraftMatcher) {
  const byName = new Map<string, { name: string; reason: string; taskNumbers: string[] }>();
  for (const t of d.tasks.filter((x) => x.override === null)) {
    const misses = [...m.matchPlain(t.leadNames).unmatched, ...m.matchPlain(t.unitNames).unmatched];
    for (const miss of misses) {
      const entry = byName.get(miss.name) ?? { ...miss, taskNumbers: [] };
      if (!entry.taskNumbers.includes(t.number)) entry.taskNumbers.push(t.number);
      byName.set(miss.name, entry);
    }
  }
  return [...byName.values()];
}

/** Drops plans left without tasks and renumbers the sections the tasks point at. */
function withoutEmptySections(d: StoredDraft): StoredDraft {
  const used = d.sections.map((_, i) => d.tasks.some((t) => t.section === i));
  if (used.every(Boolean)) return d;
  const newIndex = used.map((u, i) => (u ? used.slice(0, i).filter(Boolean).length : -1));
  return {
    ...d,
    sections: d.sections.filter((_, i) => used[i]),
    tasks: d.tasks.map((t) => ({ ...t, section: newIndex[t.section] ?? 0 })),
  };
}

const unique = (xs: number[]) => [...new Set(xs)];

/** Title and content of a row merged into the previous one, as one more paragraph of its content. */
function mergedContent(prev: StoredTask, t: StoredTask): string {
  const head = /[。！？；]$/.test(t.title) || t.content === '' ? t.title : `${t.title}。`;
  return [prev.content, `${head}${t.content}`].filter((s) => s !== '').join('\n');
}

function mergeIntoPrevious(d: StoredDraft, key: number, m: DraftMatcher): StoredDraft | FieldProblem {
  const i = d.tasks.findIndex((t) => t.key === key);
  const t = d.tasks[i];
  const prev = d.tasks[i - 1];
  if (!t || !prev || prev.section !== t.section)
    return {
      field: `t${key}.units`,
      message: `任务 ${t?.number ?? ''} 是本计划的第一项，没有可并入的上一项`,
    };
  const a = unitsOf(prev, m);
  const b = unitsOf(t, m);
  const lead = unique([...a.lead, ...b.lead]);
  const merged: StoredTask = {
    ...prev,
    content: mergedContent(prev, t),
    deadline: prev.deadline ?? t.deadline,
    uncertain: [...new Set([...prev.uncertain, ...t.uncertain])],
    leadNames: [...new Set([...prev.leadNames, ...t.leadNames])],
    unitNames: [...new Set([...prev.unitNames, ...t.unitNames])],
    override:
      prev.override || t.override
        ? { lead, co: unique([...a.co, ...b.co]).filter((id) => !lead.includes(id)) }
        : null,
    allUnits: prev.allUnits || t.allUnits,
  };
  return { ...d, tasks: d.tasks.flatMap((x) => (x === prev ? [merged] : x === t ? [] : [x])) };
}

/** Moves the task and the rest of its plan into a new plan right after it. */
function splitAt(d: StoredDraft, key: number): StoredDraft | FieldProblem {
  const t = d.tasks.find((x) => x.key === key);
  if (!t) return { field: '_', message: '找不到要拆分的任务，请刷新后重试' };
  const first = d.tasks.find((x) => x.section === t.section);
  if (first === t)
    return { field: `t${key}.units`, message: `任务 ${t.number} 已是本计划的第一项，无需拆分` };
  const s = t.section;
  const at = d.tasks.indexOf(t);
  const title = `${d.sections[s]?.title ?? d.head.title}（${d.sections.length + 1}）`;
  return {
    ...d,
    sections: [...d.sections.slice(0, s + 1), { title }, ...d.sections.slice(s + 1)],
    tasks: d.tasks.map((x, i) => ({
      ...x,
      section: x.section > s || (x.section === s && i >= at) ? x.section + 1 : x.section,
    })),
  };
}

/** Adds one unit (or 各单位) to every selected task. */
function assignBulk(d: StoredDraft, f: Fields, m: DraftMatcher): StoredDraft | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const keys = list(f, 'sel').map(Number);
  const chosen = d.tasks.filter((t) => keys.includes(t.key));
  if (chosen.length === 0) problems.push({ field: 'sel', message: '请先勾选要指定单位的任务' });
  const unit = str(f, 'bulkUnit');
  const id = Number(unit);
  const everyone = unit === 'all';
  if (!everyone && !m.units.some((u) => u.id === id))
    problems.push({ field: 'bulkUnit', message: '请选择要指定的单位' });
  const role = str(f, 'bulkRole') === 'lead' ? 'lead' : 'co';
  if (problems.length) return problems;
  return {
    ...d,
    tasks: d.tasks.map((t) => {
      if (!keys.includes(t.key)) return t;
      if (everyone) return { ...t, allUnits: true };
      const u = unitsOf(t, m);
      const lead = role === 'lead' ? unique([...u.lead, id]) : u.lead;
      const co = role === 'co' && !lead.includes(id) ? unique([...u.co, id]) : u.co;
      return { ...t, override: { lead, co: co.filter((x) => !lead.includes(x)) } };
    }),
  };
}

/**
 * Applies the review form: plan titles and the name mappings always, then the action of the button
 * (`step`): delete.K, merge.K, split.K, join.S, bulk. Returns the new draft, or every problem.
 */
export function applyReviewForm(d: StoredDraft, f: Fields, m: DraftMatcher): StoredDraft | FieldProblem[] {
  const problems: FieldProblem[] = [];
  const sections = d.sections.map((s, i) => {
    const typed = f[`planTitle.${i}`];
    if (typeof typed !== 'string') return s;
    const title = typed.trim();
    if (title === '')
      problems.push({ field: `planTitle.${i}`, message: `请填写第 ${i + 1} 个工作要点的标题` });
    else if (title.length > 200)
      problems.push({ field: `planTitle.${i}`, message: '工作要点标题不能超过 200 个字符' });
    return { title };
  });
  const mapping = { ...d.mapping };
  for (const [k, v] of Object.entries(f)) {
    const n = /^mapName\.(\d+)$/.exec(k)?.[1];
    if (n === undefined || typeof v !== 'string') continue;
    const choice = str(f, `map.${n}`);
    if (choice === '') delete mapping[v];
    else if (m.units.some((u) => u.id === Number(choice))) mapping[v] = Number(choice);
    else problems.push({ field: `map.${n}`, message: `“${v}”对应的单位必须是本单位或下级的在用单位` });
  }
  if (problems.length) return problems;
  const edited: StoredDraft = { ...d, sections, mapping };
  const [op, arg] = str(f, 'step').split('.');
  const key = Number(arg);
  let next: StoredDraft | FieldProblem | FieldProblem[] = edited;
  if (op === 'delete') {
    next = { ...edited, tasks: edited.tasks.filter((t) => t.key !== key) };
    if (next.tasks.length === 0) next = { field: '_', message: '请至少保留一项任务' };
  } else if (op === 'merge') next = mergeIntoPrevious(edited, key, m);
  else if (op === 'split') next = splitAt(edited, key);
  else if (op === 'join' && key > 0 && key < edited.sections.length)
    next = {
      ...edited,
      tasks: edited.tasks.map((t) => (t.section === key ? { ...t, section: key - 1 } : t)),
    };
  else if (op === 'bulk') next = assignBulk(edited, f, m);
  if (Array.isArray(next)) return next;
  if ('field' in next) return [next];
  return withoutEmptySections(next);
}

/** What the task form shows: the stored task, or what was typed, plus the names just matched. */
export interface TaskFormResult {
  draft?: StoredDraft;
  values: Record<string, unknown>;
  problems: FieldProblem[];
  matched: NameMatch[];
}

/** The task form's values for a stored task. */
export function taskFormValues(t: StoredTask, u: TaskUnits, words: string): Record<string, unknown> {
  return {
    ...{ number: t.number, title: t.title, content: t.content, deadline: t.deadlineWords ?? words },
    ...{ section: String(t.section), allUnits: t.allUnits ? 'on' : '' },
    ...{ lead: u.lead.map(String), co: u.co.map(String), names: '', namesRole: 'co' },
  };
}

/**
 * Reads the task form: fields (deadline in the parser's words or a date), plan, 各单位, units ticked
 * and names typed (matched by the unit matcher; `step=match` only shows the result). `save` stores.
 */
export function applyTaskForm(d: StoredDraft, key: number, f: Fields, m: DraftMatcher): TaskFormResult {
  const t = d.tasks.find((x) => x.key === key);
  const values: Record<string, unknown> = { ...f, lead: list(f, 'lead'), co: list(f, 'co') };
  const problems: FieldProblem[] = [];
  if (!t) return { values, problems: [{ field: '_', message: '找不到该任务，请返回核对页' }], matched: [] };
  let fields: TaskFields | undefined;
  try {
    fields = parseInput(taskFieldsSchema(d.head.year), f);
  } catch (e) {
    problems.push(...((e as { problems?: FieldProblem[] }).problems ?? []));
  }
  const section = Number(str(f, 'section') || t.section);
  if (!Number.isInteger(section) || section < 0 || section >= d.sections.length)
    problems.push({ field: 'section', message: '请选择所属工作要点' });
  const known = (id: number) => m.units.some((u) => u.id === id);
  let lead = list(f, 'lead').map(Number);
  let co = list(f, 'co').map(Number);
  for (const [field, xs] of [['lead', lead] as const, ['co', co] as const])
    if (xs.some((id) => !known(id)))
      problems.push({ field, message: '所选单位必须是本单位或下级的在用单位' });
  const names = str(f, 'names')
    .split(/[、，,；;\s]+/)
    .filter((n) => n !== '');
  const result = m.match(names);
  if (result.unmatched.length)
    problems.push({ field: 'names', message: result.unmatched.map((x) => x.reason).join('；') });
  if (str(f, 'namesRole') === 'lead') lead = unique([...lead, ...result.unitIds]);
  else co = unique([...co, ...result.unitIds]);
  co = co.filter((id) => !lead.includes(id));
  Object.assign(values, { lead: lead.map(String), co: co.map(String) });
  if (result.unmatched.length === 0) values.names = '';
  if (problems.length || !fields || str(f, 'step') !== 'save')
    return { values, problems, matched: result.matched };
  const current = unitsOf(t, m);
  const same = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x));
  const override = same(lead, current.lead) && same(co, current.co) ? t.override : { lead, co };
  const updated: StoredTask = {
    ...t,
    ...{ number: fields.number, title: fields.title, content: fields.content, section },
    ...{ deadline: fields.deadline, deadlineWords: str(f, 'deadline').trim() || null },
    ...{ allUnits: list(f, 'allUnits').length > 0, override },
  };
  const draft = withoutEmptySections({ ...d, tasks: d.tasks.map((x) => (x === t ? updated : x)) });
  return { draft, values, problems, matched: result.matched };
}

/** The confirmation input: one plan per section, units as now, the one-off mappings to remember. */
export function confirmInput(d: StoredDraft, m: DraftMatcher) {
  return {
    ...d.head,
    plans: d.sections.map((s, i) => ({
      title: s.title,
      tasks: d.tasks
        .filter((t) => t.section === i)
        .map((t) => {
          const u = unitsOf(t, m);
          return {
            ...{ number: t.number, path: t.path, title: t.title, content: t.content },
            ...{ deadline: t.deadline, leadUnitIds: u.lead, unitIds: u.co, allUnits: t.allUnits },
          };
        }),
    })),
    rememberAliases: Object.entries(d.mapping).map(([alias, unitId]) => ({ alias, unitId })),
  };
}

/** Problems of the confirmation renamed to the review page's fields (a task's units cell, a title). */
export function reviewFieldOf(d: StoredDraft, field: string): string {
  const task = /^plans\.(\d+)\.tasks\.(\d+)\./.exec(field);
  if (task) {
    const t = d.tasks.filter((x) => x.section === Number(task[1]))[Number(task[2])];
    return t ? `t${t.key}.units` : '_';
  }
  const title = /^plans\.(\d+)\.title$/.exec(field);
  return title ? `planTitle.${title[1]}` : field;
}

/** The words a deadline is shown and edited in (read back by `deadlineFromWords`). */
export function deadlineWordsOf(d: StoredTask['deadline']): string {
  if (d === null) return '';
  if ('date' in d) return d.date;
  if ('recurrence' in d) return RECURRENCE_WORDS[d.recurrence];
  return d.text;
}

/** Unit choices grouped by kind (the owner first), for the pickers. */
export function unitGroups(m: DraftMatcher) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const u of m.units) {
    const label = u.id === m.owner.id ? '本单位' : (UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind);
    groups.set(label, [...(groups.get(label) ?? []), { value: String(u.id), label: u.name }]);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}

/** What the review page shows: per plan its tasks with their units and what needs checking. */
export function reviewModel(d: StoredDraft, m: DraftMatcher) {
  const names = new Map(m.units.map((u) => [u.id, u.name]));
  const nameList = (xs: number[]) => xs.map((id) => names.get(id) ?? `#${id}`);
  const sections = d.sections.map((s, i) => ({
    title: s.title,
    tasks: d.tasks
      .filter((t) => t.section === i)
      .map((t) => {
        const u = unitsOf(t, m);
        const misses = t.override ? [] : [...u.leadMatch.unmatched, ...u.unitMatch.unmatched];
        return {
          ...{ key: t.key, number: t.number, title: t.title, deadline: t.deadline, allUnits: t.allUnits },
          ...{ lead: nameList(u.lead), co: nameList(u.co), lacksUnits: lacksUnits(t, u, m) },
          notes: [...t.uncertain, ...misses.map((x) => `未识别：${x.name}`)],
        };
      }),
  }));
  return {
    ...{ head: d.head, rev: d.rev, warnings: d.warnings, sections, everyoneCount: m.everyone.length },
    ...{ toMap: namesToMap(d, m), mapping: d.mapping, groups: unitGroups(m) },
  };
}
export type ReviewModel = ReturnType<typeof reviewModel>;
