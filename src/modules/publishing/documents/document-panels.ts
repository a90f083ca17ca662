/**
 * Document page panels: sections another module adds to the public and the back-office page of a
 * document (the library's 有效性 and history, the 解读 clock, 新旧差异 …) without editing 主动公开's views.
 * A panel declares where it goes and, optionally, the kinds it is for; `render` returns a preact node, or
 * null when it has nothing to show. Public pages are cached for one public content generation (any
 * audited change, and the date): a panel must depend only on the database and the date.
 * docs/publishing-extension-points.md.
 */
import type { VNode } from 'preact';
import type { CallContext } from '../../../lib/actor.ts';

/** Where a panel appears: under the title (before the body), after the body, or at the end of the page. */
export type PanelPlacement = 'before_body' | 'after_body' | 'end';
export type PanelAudience = 'public' | 'admin';

/** What a panel is told about the document. */
export interface PanelDocument {
  id: number;
  kind: string;
  unitId: number;
  title: string;
  state: string;
}

export interface DocumentPanel {
  /** Namespaced name ('policies.validity'): unique, and the order of registration is the page order. */
  name: string;
  placement: PanelPlacement;
  audience: readonly PanelAudience[];
  /** Only for documents of these kinds (every kind when absent). */
  kinds?: readonly string[];
  /** `ctx` is the viewer's (admin pages); public pages pass none. */
  render(doc: PanelDocument, audience: PanelAudience, ctx?: CallContext): Promise<VNode | null>;
}

/** The rendered panels of one page, by placement. */
export type RenderedPanels = Partial<Record<PanelPlacement, VNode[]>>;

export class DocumentPanelRegistry {
  private readonly panels: DocumentPanel[] = [];

  register(panel: DocumentPanel): void {
    if (this.panels.some((p) => p.name === panel.name))
      throw new Error(`Panel "${panel.name}" is already registered`);
    this.panels.push(panel);
  }

  /** Every panel for the document and audience, rendered, grouped by placement (empty groups left out). */
  async render(doc: PanelDocument, audience: PanelAudience, ctx?: CallContext): Promise<RenderedPanels> {
    const out: RenderedPanels = {};
    for (const p of this.panels) {
      if (!p.audience.includes(audience) || (p.kinds && !p.kinds.includes(doc.kind))) continue;
      const node = await p.render(doc, audience, ctx);
      if (!node) continue;
      const list = out[p.placement] ?? [];
      list.push(node);
      out[p.placement] = list;
    }
    return out;
  }
}
