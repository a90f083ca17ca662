import { describe, expect, it } from 'vitest';
import { describeMasked, maskName, maskPersonalData } from './letter-mask.ts';

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张小明', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳', '欧*'],
    ['John Smith', 'J*** S****'],
    ['  李四 ', '李*'],
    ['', ''],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('maskPersonalData', () => {
  const m = (text: string, names: string[] = []) => maskPersonalData(text, { names });

  it.each([
    ['我的电话13800001234，请回电', '我的电话138****1234，请回电'],
    ['手机：138 0000 1234。', '手机：138****1234。'],
    ['+86 139-1234-5678', '139****5678'],
    ['联系电话0371-12345678', '联系电话0371-****5678'],
    ['电话（0796）8123456转', '电话0796-***3456转'],
    ['身份证号410102199003071234', '身份证号4101************34'],
    ['证号 41010219900307123X 附后', '证号 4101************3X 附后'],
    ['卡号6222021234567890123已冻结', '卡号6222***********0123已冻结'],
    ['卡号 6222 0212 3456 7890', '卡号 6222********7890'],
    ['请发到 zhangsan.1990@example.com 谢谢', '请发到 z***@example.com 谢谢'],
    ['车牌豫A12345被误拍', '车牌豫A****5被误拍'],
    ['新能源车粤B·D12345', '新能源车粤B******5'],
    ['住在人民路12号3栋501室', '住在人民路**号'],
    ['幸福小区3号楼2单元门口积水', '幸福小区**门口积水'],
    ['家住河西村5组8号', '家住河西村**'],
  ])('%s', (input, out) => expect(m(input).text).toBe(out));

  it('masks the writer’s name wherever it appears, the longest name first', () => {
    const r = m('张三反映：张三家门口路灯不亮。张三丰不是来信人。', ['张三', '张三丰']);
    expect(r.text).toBe('张*反映：张*家门口路灯不亮。张**不是来信人。');
    expect(r.found.name).toBe(3);
  });

  it('leaves ordinary text alone: dates, amounts, document numbers, article numbers, 12345 hotline', () => {
    const text =
      '根据国办发〔2019〕3号文件第十二条，2025年3月15日补贴3000元，拨打12345热线或0，共计1234567元，第3号公告，15:30开会。';
    const r = m(text);
    expect(r.text).toBe(text);
    expect(r.found).toEqual({});
  });

  it('does not mask one-character names (they would hide common words)', () => {
    expect(m('王反映王家村', ['王']).text).toBe('王反映王家村');
  });

  it('counts what it masked, for the reviewer', () => {
    const r = m('电话13800001234、13900001234，邮箱a@b.cn，李四', ['李四']);
    expect(r.found).toEqual({ mobile: 2, email: 1, name: 1 });
    expect(describeMasked(r.found)).toBe('电子邮箱 1 处、手机号码 2 处、来信人姓名 1 处');
  });

  it('a text with a mobile number inside a longer number is masked as the longer kind only', () => {
    // 19 digits: a bank card, not a phone number followed by digits.
    expect(m('6212261380000123456').text).toBe('6212***********3456');
  });
});
