import {
  luhnValid,
  residentIdProblem,
  validateDocumentNumber,
} from '../validators/document-numbers';

/**
 * Finds identity-document and bank card numbers in free text (notes, labels, imported rows), so
 * the team API can refuse to store them. Tuned for few false positives on ordinary notes: every
 * finding passes a checksum or sits next to a passport word, and the common numbers of a cloud
 * account's life (dates, timestamps, phone numbers, order and ticket ids, account ids, amounts,
 * UUIDs) are left alone. Runs in time linear in the text; never throws.
 */

export type PiiKind = 'resident_id' | 'bank_card' | 'passport';

export interface PiiFinding {
  kind: PiiKind;
  /** UTF-16 offsets into the text, `end` exclusive. */
  start: number;
  end: number;
}

// 18 characters with no digit on either side and no letter after (a longer code or hash).
const RESIDENT_ID = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;

// A card written in one piece: 16-19 digits that are not part of a longer code.
const CARD_RUN = /(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])/g;

// A card written in groups of four with one kind of separator (as printed on the card), the
// last group 1-3 digits for 17-19 digit cards, and no further digit groups on either side (a
// phone number followed by a date must not join into a "card").
const CARD_GROUPED =
  /(?<![0-9A-Za-z]|[0-9][ -])[0-9]{4}([ -])[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?:\1[0-9]{1,3})?(?![0-9A-Za-z]|[ -][0-9])/g;

/**
 * Issuer prefixes of real payment cards: 3 (JCB, Amex, Diners), 4 (Visa), 5 (Mastercard),
 * 6 (UnionPay 62, Discover, Maestro), 81 (UnionPay), 9 (older Chinese domestic debit cards such
 * as 9558), 2200-2204 (Mir) and 2221-2720 (Mastercard). Order and ticket numbers usually start
 * with a date (20...) or with 1, and those never are cards.
 */
const plausibleIssuer = (digits: string): boolean => {
  const first = digits.charAt(0);
  if ('34569'.includes(first)) return true;
  if (first === '8') return digits.charAt(1) === '1';
  if (first === '2') {
    const four = Number(digits.slice(0, 4));
    return (four >= 2200 && four <= 2204) || (four >= 2221 && four <= 2720);
  }
  return false;
};

// "passport", "Passport No.", "passport number:", "护照", "护照号码：" followed by the number.
const PASSPORT_WORD = /passports?|护照/gi;
const PASSPORT_TAIL =
  /^[\s:：#=.,，]*(?:(?:no|nr|num|number|is|was|号码|号|编号|为|是)\.?[\s:：#=]*){0,3}([A-Za-z0-9]{6,9})(?![A-Za-z0-9])/i;
// How far after the word the number may start (connectors and spacing).
const PASSPORT_REACH = 40;

// Line 2 of a passport's machine-readable zone (ICAO 9303 TD3).
const MRZ_LINE =
  /[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]/g;

// Full-width digits and letters (Chinese input methods), no-break and other typographic spaces,
// and dashes from pasted text are one UTF-16 unit each, like the ASCII characters they map to,
// so offsets stay true after this mapping.
const toAscii = (text: string): string =>
  text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u00A0\u2000-\u200A\u202F\u3000]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-');

const isHex = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/**
 * Finds resident ID numbers (checksum, region and birth date valid), bank card numbers (Luhn
 * valid, 16-19 digits, plain or in groups of four) and passport numbers (after a passport word,
 * or a machine-readable passport line), in order of position, without overlaps.
 */
export function findPii(text: string): PiiFinding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const source = toAscii(text);
  const findings: PiiFinding[] = [];
  const taken = (start: number, end: number): boolean =>
    findings.some((f) => start < f.end && f.start < end);

  // Hex runs (hashes, keys) are not identity numbers even when 18 of their characters are
  // digits. Each run is measured once, so the scan stays linear.
  let hexRun = { start: -1, end: -1, letters: false };
  const inLongHex = (start: number, end: number): boolean => {
    if (start < hexRun.start || start >= hexRun.end) {
      let s = start;
      let e = end;
      while (s > 0 && isHex(source.charCodeAt(s - 1))) s--;
      while (e < source.length && isHex(source.charCodeAt(e))) e++;
      hexRun = { start: s, end: e, letters: /[a-fA-F]/.test(source.slice(s, e)) };
    }
    return hexRun.letters && hexRun.end - hexRun.start >= 32;
  };

  for (const m of source.matchAll(RESIDENT_ID)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inLongHex(start, end)) continue;
    if (residentIdProblem(m[0].toUpperCase()) === null) {
      findings.push({ kind: 'resident_id', start, end });
    }
  }

  const cards: PiiFinding[] = [];
  for (const pattern of [CARD_RUN, CARD_GROUPED]) {
    for (const m of source.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      const digits = m[0].replace(/[ -]/g, '');
      if (plausibleIssuer(digits) && luhnValid(digits) && !taken(start, end)) {
        cards.push({ kind: 'bank_card', start, end });
      }
    }
  }
  findings.push(...cards);

  for (const m of source.matchAll(PASSPORT_WORD)) {
    const after = m.index + m[0].length;
    const tail = PASSPORT_TAIL.exec(source.slice(after, after + PASSPORT_REACH));
    const number = tail?.[1];
    // At least four digits: "passport photo" or "passport renewal" name no number.
    if (!tail || !number || (number.match(/[0-9]/g)?.length ?? 0) < 4) continue;
    const end = after + tail[0].length;
    const start = end - number.length;
    if (!taken(start, end)) findings.push({ kind: 'passport', start, end });
  }

  for (const m of source.matchAll(MRZ_LINE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!taken(start, end) && validateDocumentNumber('passport', m[0]).status === 'valid') {
      findings.push({ kind: 'passport', start, end });
    }
  }

  return findings.sort((a, b) => a.start - b.start);
}

/** True when the text holds a resident ID, bank card or passport number (see `findPii`). */
export function containsPii(text: string): boolean {
  return findPii(text).length > 0;
}
