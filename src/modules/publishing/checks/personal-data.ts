import {
  isLuhnValid,
  maskIdNumber,
  maskPhone,
  validateBankCardNumber,
  validateMobile,
  validateResidentIdNumber,
} from '../../../lib/validators/index.ts';
import { excerptAround, foldForScan, type RawFinding, type ScannedText } from './finding.ts';

/**
 * Personal data in text to be published (个人信息保护法; 国办秘函〔2019〕19号 deducts for personal data
 * that is not de-identified). Candidates are found by shape and confirmed by the validators, so a random
 * 18-digit number is not taken for an ID number: the check digit must be right. Excerpts are masked.
 */

/** 18 characters not part of a longer run of digits or letters. */
const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** 11-digit mobile numbers, optionally written 3-4-4 with spaces or hyphens, optionally after +86. */
const MOBILE_CANDIDATE = /(?<![\d])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?![\d])/g;
/**
 * 16–19 digits, contiguous or in groups of four. Card numbers never start with 0 (ISO/IEC 7812-1: major
 * industry identifier 0 is not issued to cards), which removes some padded serials.
 */
const CARD_CANDIDATE = /(?<![\d])(?:[1-9]\d{15,18}|[1-9]\d{3}(?:[\s-]\d{4}){3}(?:[\s-]?\d{1,3})?)(?![\d])/g;

interface Hit {
  start: number;
  end: number;
  message: string;
  masked: string;
}

function idHits(text: string): Hit[] {
  return [...text.matchAll(ID_CANDIDATE)]
    .filter((m) => validateResidentIdNumber(m[0]).ok)
    .map((m) => hit(m, '含有居民身份证号码', maskIdNumber(m[0])));
}

function mobileHits(text: string): Hit[] {
  return [...text.matchAll(MOBILE_CANDIDATE)]
    .filter((m) => validateMobile(m[0]).ok)
    .map((m) => hit(m, '含有手机号码', maskPhone(m[0])));
}

function cardHits(text: string): Hit[] {
  return [...text.matchAll(CARD_CANDIDATE)]
    .filter((m) => {
      const card = validateBankCardNumber(m[0]);
      return card.ok && isLuhnValid(card.normalised);
    })
    .map((m) => hit(m, '含有银行卡号', maskIdNumber(m[0])));
}

function hit(m: RegExpMatchArray, message: string, masked: string): Hit {
  const start = m.index ?? 0;
  return { start, end: start + m[0].length, message, masked };
}

/** True when [start, end) overlaps one of the hits already kept. */
function overlaps(kept: readonly Hit[], h: Hit): boolean {
  return kept.some((k) => h.start < k.end && k.start < h.end);
}

/** The personal data in a text, without overlaps (an ID number wins over a card number), in order. */
function hitsIn(text: string): Hit[] {
  const folded = foldForScan(text);
  const kept: Hit[] = [];
  for (const h of [...idHits(folded), ...mobileHits(folded), ...cardHits(folded)]) {
    if (!overlaps(kept, h)) kept.push(h);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds 身份证号 (valid check digit), 手机号 and 银行卡号 (16–19 digits passing Luhn) in the texts.
 * An ID number is reported once, not again as a bank card.
 */
export function checkPersonalData(texts: readonly ScannedText[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { location, text } of texts) {
    for (const h of hitsIn(text)) {
      const excerpt = excerptAround(text, h.start, h.end, h.masked).trim();
      findings.push({ message: `${h.message}，公开前须删除或去标识化处理`, excerpt, location });
    }
  }
  return findings;
}

/**
 * The text with every personal datum found by {@link checkPersonalData} masked, so that excerpts of the
 * other checks never show it either.
 */
export function maskPersonalData(text: string): string {
  let masked = '';
  let from = 0;
  for (const h of hitsIn(text)) {
    masked += text.slice(from, h.start) + h.masked;
    from = h.end;
  }
  return masked + text.slice(from);
}
