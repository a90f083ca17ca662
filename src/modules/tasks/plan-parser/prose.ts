/**
 * Prose plans: numbered sections (一、/（一）/1./（1）) whose leaves are the tasks. Unnumbered paragraphs
 * continue the task above them, except that a paragraph with its own unit tail after a task whose units
 * were already given is a task of its own (道县 2017 lists several such paragraphs under one heading).
 */
import { findDeadlines, normaliseDeadline, pickDeadline } from './deadline.ts';
import type { Marker, MarkerStyle } from './numbering.ts';
import { type Paragraph, paragraphBody, rebuildParagraphs } from './paragraphs.ts';
import { splitRunOnLines } from './run-on.ts';
import type { CleanLine } from './text.ts';
import type { ParsedPlanSection, ParsedTask } from './types.ts';
import { splitSentenceGroups, type UnitTail } from './units.ts';

interface Segment {
  paras: string[];
  tail: UnitTail | null;
}

interface SectionNode {
  parent: SectionNode | null;
  marker: Marker;
  rank: number;
  heading: string;
  number: string;
  ancestors: string[];
  segments: Segment[];
  children: number;
}

interface PlanDraft {
  title: string | null;
  stack: SectionNode[];
  nodes: SectionNode[];
  /** Units a statement in the introduction gives to every task ("以下任务均需各乡镇落实，不再列出"). */
  preamble: string[];
}

const SIGNATURE_MAX = 30;
const OPEN_LIST_NOTE = '责任单位以“等”结尾，可能不止所列单位';

// The order of GB/T 9704 (一、 → （一） → 1. → （1）). Fixed rather than learnt from the document, so a
// damaged first chapter marker cannot turn the hierarchy upside down.
const STYLE_RANK: Record<MarkerStyle, number> = {
  chapter: 0,
  'cn-paren': 1,
  arabic: 2,
  'arabic-paren': 3,
  circled: 4,
};

/** Title of a section: its text up to the first full stop. */
function headingOf(body: string): string {
  return firstSentence(body).sentence;
}

function firstSentence(text: string): { sentence: string; rest: string } {
  const at = text.search(/[。！？!?]/);
  if (at === -1) return { sentence: text.replace(/[：:，,；;]$/, '').trim(), rest: '' };
  return { sentence: text.slice(0, at).trim(), rest: text.slice(at + 1).trim() };
}

function addSection(plan: PlanDraft, p: Paragraph, marker: Marker): void {
  const rank = STYLE_RANK[marker.style];
  while ((plan.stack.at(-1)?.rank ?? -1) >= rank) plan.stack.pop();
  const parent = plan.stack.at(-1);
  if (parent) parent.children++;
  const [first = { body: '', tail: null }, ...more] = splitSentenceGroups(paragraphBody(p));
  const node: SectionNode = {
    parent: parent ?? null,
    marker,
    rank,
    heading: headingOf(first.body),
    number: parent ? `${parent.number}.${marker.value}` : String(marker.value),
    ancestors: parent ? [...parent.ancestors, parent.heading] : [],
    segments: [{ paras: [first.body], tail: first.tail }],
    children: 0,
  };
  plan.stack.push(node);
  plan.nodes.push(node);
  for (const group of more) addGroup(node, group.body, group.tail, true);
}

/** Adds one sentence group to a section: its own segment when it brings its own units. */
function addGroup(node: SectionNode, body: string, tail: UnitTail | null, afterInlineTail = false): void {
  const segment = node.segments.at(-1)!;
  // After an inline tail, the next sentences are a new group; their own tail may follow on a later line.
  if ((tail || afterInlineTail) && body !== '' && segment.tail) {
    node.segments.push({ paras: [body], tail });
    return;
  }
  if (body !== '') segment.paras.push(body);
  if (tail) segment.tail = segment.tail ? mergeTails(segment.tail, tail) : tail;
}

function addText(plan: PlanDraft, p: Paragraph): void {
  const node = plan.stack.at(-1);
  const groups = splitSentenceGroups(p.text);
  if (!node) {
    // The introduction before the first numbered section: only a global statement matters there.
    plan.preamble.push(...groups.flatMap((g) => g.tail?.carry ?? []));
    return;
  }
  const only = groups.length === 1 ? groups[0] : undefined;
  // A signature ("道县人民政府办公室") or a stray fragment: short, unpunctuated, no units.
  if (only && !only.tail && only.body.length <= SIGNATURE_MAX && !/[。，,；;：:]/.test(only.body)) return;
  groups.forEach((group, i) => {
    addGroup(node, group.body, group.tail, i > 0);
  });
}

function mergeTails(a: UnitTail, b: UnitTail): UnitTail {
  return {
    lead: [...a.lead, ...b.lead],
    units: [...a.units, ...b.units],
    carry: [...a.carry, ...b.carry],
    dropped: [...a.dropped, ...b.dropped],
    ...((a.deadline ?? b.deadline) ? { deadline: a.deadline ?? b.deadline } : {}),
  };
}

function newPlan(title: string | null): PlanDraft {
  return { title, stack: [], nodes: [], preamble: [] };
}

/** Groups paragraphs into plans and sections. Stops at web-page furniture once tasks have been seen. */
function draftPlans(paragraphs: Paragraph[]): PlanDraft[] {
  const plans: PlanDraft[] = [];
  let current = newPlan(null);
  for (const p of paragraphs) {
    if (p.kind === 'title') {
      if (current.nodes.length > 0 || current.title !== null) plans.push(current);
      current = newPlan(p.text);
    } else if (p.kind === 'furniture') {
      if (current.nodes.length > 0) break;
    } else if (p.kind === 'text') {
      if (p.marker) addSection(current, p, p.marker);
      else addText(current, p);
    }
  }
  plans.push(current);
  return plans.filter((plan) => plan.nodes.length > 0 || plan.title !== null);
}

interface CarryState {
  units: string[];
  source: string;
  /** Units of the last tail marked "下同": they apply until a task names its own units. */
  ditto: { lead: string[]; units: string[]; from: string } | null;
}

/**
 * "（区委网信办牵头，各部门负责，下同）": a task without units of its own takes those of the last tail
 * marked 下同; a task with its own units ends that.
 */
function applyDitto(
  tail: UnitTail | null,
  carry: CarryState,
  uncertain: string[],
  number: string,
): UnitTail | null {
  const own = tail !== null && tail.lead.length + tail.units.length > 0;
  if (own) {
    carry.ditto = tail.ditto ? { lead: tail.lead, units: tail.units, from: number } : null;
    return tail;
  }
  if (!carry.ditto) return tail;
  const { lead, units, from } = carry.ditto;
  uncertain.push(`责任单位沿用第${from}项标注“下同”的单位`);
  return { carry: [], dropped: [], ...(tail ?? {}), lead, units };
}

/** Units of one task: its own tail, plus units a previous "以下均需…不再列出" carries forward. */
function assignUnits(
  tail: UnitTail | null,
  carry: CarryState,
  uncertain: string[],
): { lead: string[]; units: string[]; carried: string[] } {
  const lead = [...(tail?.lead ?? [])];
  const units = [...(tail?.units ?? [])];
  const inherited = carry.units.filter((u) => !units.includes(u) && !lead.includes(u));
  if (inherited.length > 0) {
    units.push(...inherited);
    uncertain.push(`责任单位“${inherited.join('、')}”沿用前文“${carry.source}”`);
  }
  const declared = tail?.carry ?? [];
  if (declared.length > 0) {
    units.push(...declared.filter((u) => !units.includes(u) && !lead.includes(u)));
    carry.units = [...new Set([...carry.units, ...declared])];
    carry.source = `以下均需${declared.join('、')}负责，不再列出`;
  }
  return { lead, units, carried: inherited };
}

function segmentTask(node: SectionNode, index: number, year: number | null, carry: CarryState): ParsedTask {
  const segment = node.segments[index]!;
  const uncertain: string[] = [];
  const [first = '', ...more] = segment.paras;
  let { sentence: title, rest } = firstSentence(first);
  if (index > 0 && title.length > 40) {
    const comma = title.search(/[，,；;]/);
    if (comma > 0) {
      rest = `${title.slice(comma + 1)}。${rest}`;
      title = title.slice(0, comma);
    }
  }
  if (index > 0) uncertain.push('原文此段无编号，作为上一任务的子任务，标题取自首句');
  const content = [rest, ...more].filter((t) => t !== '').join('\n');
  const found = pickDeadline(findDeadlines(`${title}。${content}`, year), year);
  // A 完成时限 field in the tail is the task's deadline; dates in the text are only context then.
  const given = segment.tail?.deadline;
  const deadline = given ? normaliseDeadline(given, year) : found.deadline;
  const notes = given ? [] : found.notes;
  uncertain.push(...notes);
  const number = index === 0 ? node.number : `${node.number}-${index + 1}`;
  const tail = applyDitto(segment.tail, carry, uncertain, number);
  const { lead, units, carried } = assignUnits(inheritTail(node, tail, uncertain), carry, uncertain);
  for (const text of segment.tail?.dropped ?? []) uncertain.push(`“${text}”不是单位名称，未列为责任单位`);
  if (segment.tail?.open) uncertain.push(OPEN_LIST_NOTE);
  return {
    number,
    path: index === 0 ? node.ancestors : [...node.ancestors, node.heading],
    title,
    content,
    leadUnits: lead,
    units,
    deadline,
    uncertain,
    ...(carried.length > 0 ? { carriedUnits: carried } : {}),
  };
}

/**
 * A task without units of its own takes those of the nearest heading above it that has some
 * ("一、强化科技创新（区科技局牵头）" leads every item of chapter 一).
 */
function inheritTail(node: SectionNode, tail: UnitTail | null, uncertain: string[]): UnitTail | null {
  if (tail && tail.lead.length > 0) return tail;
  for (let up = node.parent; up; up = up.parent) {
    const own = up.segments[0]?.tail;
    if (!own || (own.lead.length === 0 && own.units.length === 0)) continue;
    const units = tail && tail.units.length > 0 ? tail.units : own.units;
    if (own.lead.length === 0 && units === tail?.units) return tail;
    uncertain.push(`责任单位取自上级标题“${up.heading}”`);
    return {
      lead: own.lead,
      units,
      carry: tail?.carry ?? [],
      dropped: tail?.dropped ?? [],
      ...(tail?.deadline ? { deadline: tail.deadline } : {}),
    };
  }
  return tail;
}

// Headings that introduce a plan's aims: structure, never a task to track.
const AIM_HEADING =
  /^(?:指导思想|总体要求|工作目标|主要目标|总体目标|目标要求|基本原则|工作原则|目标任务|发展目标|预期目标|总体思路|工作思路)$/;

// The same heading run into its body by a lost line break ("（一）指导思想以习近平…").
const AIM_START = new RegExp(`^(?:${AIM_HEADING.source.slice(4, -2)})(?![，,、])`);

function planTasks(plan: PlanDraft, year: number | null): ParsedTask[] {
  const carry: CarryState = { units: [...new Set(plan.preamble)], source: '', ditto: null };
  if (carry.units.length > 0) carry.source = `以下均需${carry.units.join('、')}落实，不再列出`;
  const tasks: ParsedTask[] = [];
  for (const node of plan.nodes) {
    if (node.children > 0) continue; // a heading with sub-items is structure, not a task
    if (AIM_HEADING.test(node.heading) || AIM_START.test(node.heading)) continue;
    node.segments.forEach((_segment, index) => {
      tasks.push(segmentTask(node, index, year, carry));
    });
  }
  return tasks;
}

/** Parses the prose body of a document into plans and their tasks. */
export function parseProse(
  lines: CleanLine[],
  yearOf: (planTitle: string | null) => number | null,
): ParsedPlanSection[] {
  return draftPlans(rebuildParagraphs(splitRunOnLines(lines))).map((plan) => ({
    title: plan.title,
    tasks: planTasks(plan, yearOf(plan.title)),
  }));
}
