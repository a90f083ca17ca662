import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { DocumentPanelRegistry, type PanelDocument } from './document-panels.ts';

const doc = (kind: string): PanelDocument => ({
  id: 1,
  kind,
  unitId: 2,
  title: '某办法',
  state: 'published',
});

describe('document page panels', () => {
  it('renders the panels of the audience and kind, by placement and in registration order', async () => {
    const panels = new DocumentPanelRegistry();
    panels.register({
      name: 'a.one',
      placement: 'end',
      audience: ['public'],
      render: async () => h('p', null, 'one'),
    });
    panels.register({
      name: 'a.two',
      placement: 'end',
      audience: ['public', 'admin'],
      kinds: ['normative'],
      render: async (d) => h('p', null, `two ${d.title}`),
    });
    panels.register({
      name: 'a.none',
      placement: 'before_body',
      audience: ['public'],
      render: async () => null,
    });
    const pub = await panels.render(doc('normative'), 'public');
    expect(pub.end?.map((n) => n.props.children)).toEqual(['one', 'two 某办法']);
    expect(pub.before_body).toBeUndefined();
    expect((await panels.render(doc('document'), 'public')).end).toHaveLength(1);
    expect((await panels.render(doc('document'), 'admin')).end).toBeUndefined();
    expect(() =>
      panels.register({ name: 'a.one', placement: 'end', audience: ['admin'], render: async () => null }),
    ).toThrow(/already registered/);
  });
});
