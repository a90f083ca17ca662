/**
 * Sections of the document pages (publishing.panels): the 解读 clock on a policy's pages, with 新建解读
 * on its back-office page; on a 解读's pages the policies it interprets by title and 文号, each with its
 * clock, and on the public page 新旧政策差异 against the edition the policy amends.
 */
import { can } from '../../../kernel/permissions.ts';
import type { PublishingApi } from '../../publishing/publishing.api.ts';
import type { EditionDiff, InterpretationService, PolicyClock } from '../interpretation.service.ts';
import type { InterpretationClock } from '../interpretation-clock.ts';
import { MAX_DIFF_CHARS } from '../interpretation-diff.ts';
import { INTERPRETATION_KIND, POLICY_KINDS } from '../policy.model.ts';

/** The clock of one policy: the state, the due day and how it was computed. */
export function ClockSummary({ clock }: { clock: InterpretationClock }) {
  return (
    <p class={`interpretation-clock clock-${clock.state}`}>
      <strong>解读时限：{clock.label}</strong>
      {clock.dueOn ? `。解读最迟应于 ${clock.dueOn} 发布（${clock.explanation}）` : ''}
      {clock.interpretedOn ? `；首篇解读发布于 ${clock.interpretedOn}` : ''}。
    </p>
  );
}

/** On a policy's pages. `newHref` adds the 新建解读 link (back office, for those who may draft). */
export function PolicyClockPanel({ c, newHref }: { c: PolicyClock; newHref?: string | undefined }) {
  return (
    <section class="panel" aria-labelledby="interpretation-clock">
      <h2 id="interpretation-clock">政策解读（三同步）</h2>
      <ClockSummary clock={c.clock} />
      {newHref ? (
        <p>
          <a href={newHref} class="button button-secondary">
            新建解读
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** On a 解读's pages: the policies it interprets, by title and 文号, with a link and the clock. */
export function InterpretedPoliciesPanel({
  clocks,
  hrefOf,
}: {
  clocks: PolicyClock[];
  hrefOf: (id: number) => string;
}) {
  if (!clocks.length) return null;
  return (
    <section class="panel" aria-labelledby="interpreted-policies">
      <h2 id="interpreted-policies">相关政策</h2>
      <ul>
        {clocks.map((c) => (
          <li key={c.id}>
            <a href={hrefOf(c.id)}>{c.title}</a>
            {c.docNumber ? `（文号：${c.docNumber}）` : '（无文号）'}
            <ClockSummary clock={c.clock} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 新旧政策差异: sentences removed and added, marked by <del>/<ins> and a text label, not colour only. */
export function EditionDiffPanel({ diffs }: { diffs: EditionDiff[] }) {
  if (!diffs.length) return null;
  return (
    <section class="panel" aria-labelledby="edition-diff">
      <h2 id="edition-diff">新旧政策差异</h2>
      {diffs.map((d) => (
        <div key={`${d.policy.id}-${d.previous.id}`} class="edition-diff">
          <p>
            <a href={`/documents/${d.policy.id}`}>{d.policy.title}</a>
            {d.policy.docNumber ? `（${d.policy.docNumber}）` : ''}与原文件
            <a href={`/documents/${d.previous.id}`}>{d.previous.title}</a>
            {d.previous.docNumber ? `（${d.previous.docNumber}）` : ''}相比：新增 {d.diff.added} 句，删除{' '}
            {d.diff.removed} 句。
          </p>
          {d.diff.truncated ? (
            <p class="notice">
              文件较长，仅比较了两份文件各自的前 {MAX_DIFF_CHARS} 个字，其余部分请对照原文。
            </p>
          ) : null}
          {d.diff.added + d.diff.removed === 0 ? (
            <p>正文未见差异。</p>
          ) : (
            <ul class="diff-list">
              {d.diff.parts.map((p, i) =>
                p.kind === 'omitted' ? (
                  <li key={i} class="diff-omitted">
                    ……（未改动的 {p.count} 句从略）
                  </li>
                ) : p.kind === 'same' ? (
                  <li key={i}>{p.text}</li>
                ) : p.kind === 'added' ? (
                  <li key={i}>
                    <ins>
                      <span class="diff-label">【新增】</span>
                      {p.text}
                    </ins>
                  </li>
                ) : (
                  <li key={i}>
                    <del>
                      <span class="diff-label">【删除】</span>
                      {p.text}
                    </del>
                  </li>
                ),
              )}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
}

/** Registers the panels (once per App). */
export function registerInterpretationPanels(
  publishing: Pick<PublishingApi, 'panels'>,
  interpretations: InterpretationService,
): void {
  publishing.panels.register({
    name: 'policies.interpretation-clock',
    placement: 'before_body',
    audience: ['public', 'admin'],
    kinds: POLICY_KINDS,
    render: async (doc, audience, ctx) => {
      const c = await interpretations.clockOf(doc.id);
      if (!c) return null;
      const mayDraft = audience === 'admin' && ctx && can(ctx.actor, 'content.draft', c.unitPath);
      const newHref = mayDraft ? `/admin/policies/${doc.id}/interpretations/new` : undefined;
      if (audience === 'public' && c.clock.state === 'policy_unpublished') return null;
      return <PolicyClockPanel c={c} newHref={newHref} />;
    },
  });
  publishing.panels.register({
    name: 'policies.interpreted-policies',
    placement: 'before_body',
    audience: ['public', 'admin'],
    kinds: [INTERPRETATION_KIND],
    render: async (doc, audience) => {
      const all = await interpretations.clocksOfInterpretation(doc.id);
      const clocks = audience === 'public' ? all.filter((c) => c.state === 'published') : all;
      const base = audience === 'public' ? '/documents/' : '/admin/documents/';
      if (!clocks.length) return null;
      return <InterpretedPoliciesPanel clocks={clocks} hrefOf={(id) => `${base}${id}`} />;
    },
  });
  publishing.panels.register({
    name: 'policies.edition-diff',
    placement: 'end',
    audience: ['public'],
    kinds: [INTERPRETATION_KIND],
    render: async (doc) => {
      const diffs = await interpretations.editionDiffs(doc.id);
      return diffs.length ? <EditionDiffPanel diffs={diffs} /> : null;
    },
  });
}
