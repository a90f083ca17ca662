import { describe, expect, it } from 'vitest';
import {
  buildFeedbackReport,
  draftNameOf,
  type FeedbackComment,
  feedbackBodyHtml,
  feedbackProblems,
} from './feedback-report.ts';

const c = (over: Partial<FeedbackComment>): FeedbackComment => ({
  id: 1,
  state: 'shown',
  articleNumber: null,
  nameMasked: null,
  body: '意见',
  adoption: 'adopted',
  reason: null,
  group: null,
  ...over,
});

describe('feedback report', () => {
  it('takes the draft name from a notice title', () => {
    expect(draftNameOf('关于《某办法（征求意见稿）》公开征求意见的公告')).toBe('某办法（征求意见稿）');
    expect(draftNameOf('停车设施方案')).toBe('停车设施方案');
  });

  it('makes one row per comment or group, counts every comment, names what is missing', () => {
    const comments = [
      c({ id: 1, nameMasked: '朱**', articleNumber: '第三条', group: 1 }),
      c({ id: 2, state: 'hidden', adoption: null }),
      c({ id: 3, adoption: 'rejected', reason: '已有规定' }),
      c({ id: 4, nameMasked: '李*', body: '同上', group: 1 }),
    ];
    const r = buildFeedbackReport(comments);
    expect(r).toMatchObject({
      received: 4,
      hidden: 1,
      shown: 3,
      counts: { adopted: 2, partly: 0, rejected: 1 },
    });
    expect(r.rows).toEqual([
      {
        no: 1,
        people: '朱**、李*',
        content: '（第三条）意见\n同上',
        adoption: 'adopted',
        reason: '',
        commentIds: [1, 4],
      },
      { no: 2, people: '匿名', content: '意见', adoption: 'rejected', reason: '已有规定', commentIds: [3] },
    ]);
    expect(feedbackProblems([c({ state: 'pending' }), c({ adoption: null })])).toEqual([
      '还有 1 条意见待审核',
      '还有 1 条已显示的意见未记录采纳情况',
    ]);
  });

  it('escapes what people typed in the body', () => {
    const report = buildFeedbackReport([c({ body: '<script>alert(1)</script>&' })]);
    const html = feedbackBodyHtml({
      unitName: '县局',
      title: '《办法》',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      report,
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('就《办法》公开征求社会公众意见，共收到意见1条');
  });
});
