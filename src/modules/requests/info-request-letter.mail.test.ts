import { describe, expect, it } from 'vitest';
import type { MailOutbox } from '../../lib/mail/mail-outbox.ts';
import { LETTER_MAIL_REF, letterMail, letterMailFor } from './info-request-letter.mail.tsx';

const LETTER = {
  id: 7,
  title: '补正通知书',
  number: '测试县发改依告〔2026〕3号',
  body: '张三丰：\n\n您申请的 <b>道路</b> & "桥梁" 信息，请补正。\n第二行。\n\n测试县发展和改革局\n\n2026年3月2日',
};

describe('letterMail', () => {
  it('builds the subject from the case and letter, never the applicant', async () => {
    const m = await letterMail(LETTER, { reference: 'U1-2026-00001', agency: '测试县发展和改革局' });
    expect(m.subject).toBe('补正通知书（测试县发改依告〔2026〕3号）——政府信息公开申请 U1-2026-00001');
    expect(m.subject).not.toContain('张三丰');
    expect(m.ref).toEqual({ type: LETTER_MAIL_REF, id: 7 });
    expect(m.kind).toBe('request.letter');
  });

  it('escapes the letter in the HTML body and keeps its paragraphs and line breaks', async () => {
    const m = await letterMail(LETTER, { reference: 'U1-2026-00001', agency: '测试县发展和改革局' });
    expect(m.html).toContain('&lt;b>道路&lt;/b> &amp; &quot;桥梁&quot;');
    expect(m.html).not.toContain('<b>');
    expect(m.html).toContain('信息，请补正。<br/>第二行。');
    expect(m.html).toContain('<p>测试县发展和改革局</p>');
    expect(m.text).toContain('张三丰：\n\n您申请的 <b>道路</b>');
    expect(m.text).toContain('本邮件由测试县发展和改革局发送');
  });

  it('attaches the letter as a Word document', async () => {
    const m = await letterMail(LETTER, { reference: 'U1-2026-00001', agency: '测试县发展和改革局' });
    expect(m.attachments).toHaveLength(1);
    const a = m.attachments?.[0];
    expect(a?.filename).toBe('补正通知书（测试县发改依告〔2026〕3号）.docx');
    expect(a?.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(a?.content.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('letterMailFor', () => {
  const on = { enabled: true } as unknown as MailOutbox;
  const off = { enabled: false } as unknown as MailOutbox;
  const stored = { ...LETTER, body: '{申请人}：\n\n请补正。' };
  const c = { reference: 'U1-2026-00001', agency: '测试县发展和改革局' };

  it('addresses the applicant by name when mail is on and they gave an address', async () => {
    const m = await letterMailFor(on, stored, { name: '张三丰', email: 'zsf@example.com' }, c);
    expect(m?.to).toBe('zsf@example.com');
    expect(m?.text.startsWith('补正通知书\n\n测试县发改依告〔2026〕3号\n\n张三丰：')).toBe(true);
    expect(m?.html).not.toContain('{申请人}');
  });

  it('is null when mail is off or there is no address', async () => {
    expect(await letterMailFor(off, stored, { name: '张三丰', email: 'zsf@example.com' }, c)).toBeNull();
    expect(
      await letterMailFor(undefined, stored, { name: '张三丰', email: 'zsf@example.com' }, c),
    ).toBeNull();
    expect(await letterMailFor(on, stored, { name: '张三丰', email: null }, c)).toBeNull();
  });
});
