/**
 * Pure helpers around addresses and the SMTP URL: recipient addresses are personal data, so they
 * are masked wherever they could reach a log, the audit log or an operator's screen, and the SMTP
 * password never leaves the configuration.
 */
import addressparser from 'nodemailer/lib/addressparser';
import { validateEmail } from '../validators/index.ts';

/** Masks an e-mail address for display and logs: 'zhang.san@example.com' → 'z***@example.com'. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${Array.from(address.slice(0, at))[0]}***${address.slice(at)}`;
}

const EMAIL_IN_TEXT = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/gu;

/** Masks every e-mail address inside a text such as an SMTP server reply ('550 <a@b.cn> unknown'). */
export function maskEmailsIn(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (m) => maskEmail(m));
}

/** The SMTP URL with its password replaced by '****', for `gongkai config check` and logs. */
export function maskSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    // Query parameters may carry secrets too (e.g. auth.pass=…).
    for (const key of [...u.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) u.searchParams.set(key, '****');
    }
    return u.toString();
  } catch {
    return 'smtp://****';
  }
}

/** True for smtp:// and smtps:// URLs with a host, the forms nodemailer accepts. */
export function isSmtpUrl(value: string): boolean {
  if (!/^smtps?:\/\//i.test(value) || !URL.canParse(value)) return false;
  return new URL(value).hostname !== '';
}

/**
 * Parses a sender as 'Name <address>' or a bare address ('某县人民政府办公室 <gkb@example.gov.cn>');
 * null when it is not exactly one valid mailbox.
 */
export function parseMailbox(value: string): { name: string; address: string } | null {
  const list = addressparser(value.trim());
  const first = list[0];
  if (list.length !== 1 || !first || first.group !== undefined) return null;
  const checked = validateEmail(first.address);
  return checked.ok ? { name: first.name, address: checked.normalised } : null;
}
