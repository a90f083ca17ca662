/**
 * The 互动交流 hub: one public page that leads to every 政民互动 channel the site runs (信箱 with published
 * replies and statistics, 意见征集 with their feedback, 在线调查, 在线访谈, 政务公开主题日) and shows each one's
 * newest public items. Each channel is a module of its own and optional: the hub lists the ones installed,
 * each through the `recentPublic` read function of its registry interface.
 */

/** One public item of a channel, newest first (a reply, an open consultation, published results …). */
export interface HubItem {
  title: string;
  href: string;
  date: string | null;
  /** A short state, e.g. 征集中 / 已反馈 / 已结束. */
  note: string | null;
}

/** What the hub needs from a channel's module. */
export interface HubSource {
  recentPublic(limit: number): Promise<readonly HubItem[]>;
}

/** A channel as the hub shows it: its heading, where it leads, and its extra links. */
export interface HubChannel {
  key: string;
  title: string;
  href: string;
  description: string;
  links: readonly { href: string; label: string }[];
  source: HubSource;
}

export interface HubSection extends Omit<HubChannel, 'source'> {
  items: readonly HubItem[];
}

/** How many items each channel shows on the hub. */
export const HUB_ITEMS_PER_CHANNEL = 5;

export class InteractionHub {
  constructor(private readonly channels: readonly HubChannel[]) {}

  /** Whether any channel is installed (the navigation entry is shown regardless; the page says so). */
  get size(): number {
    return this.channels.length;
  }

  async sections(): Promise<HubSection[]> {
    const out: HubSection[] = [];
    for (const { source, ...c } of this.channels)
      out.push({ ...c, items: await source.recentPublic(HUB_ITEMS_PER_CHANNEL) });
    return out;
  }
}
