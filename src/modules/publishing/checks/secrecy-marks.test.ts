import { describe, expect, it } from 'vitest';
import { checkSecrecyMarks } from './secrecy-marks.ts';

const scan = (text: string) => checkSecrecyMarks([{ location: 'body', text }]);

describe('checkSecrecyMarks', () => {
  it.each([
    ['机密★1年\n关于某事项的通知', '机密★1年'],
    ['秘密★\n张政办发〔2022〕14号', '秘密★'],
    ['绝密★长期', '绝密★长期'],
    ['秘密 ★ 6个月', '秘密 ★ 6个月'],
    ['机密＊2年', '机密＊2年'],
    ['（秘密）', '（秘密）'],
    ['密级：秘密', '密级：秘密'],
    ['内部资料 注意保存', '内部资料 注意保存'],
    ['内部资料，请勿外传', '内部资料，请勿外传'],
    ['内部\n关于召开会议的通知', '内部'],
    ['【内部】', '【内部】'],
    ['正文\n秘密\n正文', '秘密'],
  ])('flags %j', (text, mark) => {
    const findings = scan(text);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.message).join()).toContain(mark);
    expect(findings[0]?.location).toBe('body');
  });

  it.each([
    '各单位要严格遵守保密法律法规，保守国家秘密，防止泄露工作秘密。',
    '国家秘密的密级分为绝密、机密、秘密三级。',
    '不得公开涉及国家秘密、商业秘密、个人隐私的政府信息。',
    '健全内部管理制度，加强机密文件管理。',
    '秘密投票选举产生。',
    '内部审计工作报告',
    '★★★ 五星级服务窗口',
  ])('does not flag ordinary text %j', (text) => {
    expect(scan(text)).toEqual([]);
  });

  it('reports each location separately', () => {
    const findings = checkSecrecyMarks([
      { location: 'title', text: '通知' },
      { location: 'attachment:名单.docx', text: '秘密★1年\n名单' },
    ]);
    expect(findings.map((f) => f.location)).toEqual(['attachment:名单.docx']);
  });
});
