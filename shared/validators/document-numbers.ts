import type { DocumentFormat } from '../playbooks/schema';
import type { LocalizedText } from '../text';

/**
 * On-device checks of document numbers (domain-facts section 4). They answer "looks valid" or
 * "likely typo" and never block: the provider decides. Numbers are never stored or sent; these
 * functions only read the string they are given. Nothing here throws on any input.
 */

export type InvalidReason =
  /** Wrong number of characters. */
  | 'length'
  /** A character the format never contains. */
  | 'characters'
  /** The leading letter (or region code) is not one the format starts with. */
  | 'prefix'
  /** The check character or check digit does not match the rest: likely a typo. */
  | 'checksum'
  /** The birth date inside a resident ID is not a real past date. */
  | 'birth_date';

export type DocumentCheck =
  | { status: 'valid' }
  | { status: 'invalid'; reason: InvalidReason; message: LocalizedText }
  | { status: 'unknown-format' };

const VALID: DocumentCheck = { status: 'valid' };
const UNKNOWN: DocumentCheck = { status: 'unknown-format' };
const invalid = (reason: InvalidReason, en: string, zh: string): DocumentCheck => ({
  status: 'invalid',
  reason,
  message: { en, zh },
});

const TYPO: LocalizedText = {
  en: 'The last character does not match the others: check for a typo.',
  zh: '最后一位校验码与前面的号码不符，请检查是否输错。',
};

// Longer input is not a document number; checking it would only cost time.
const MAX_INPUT = 200;

/**
 * Full-width forms (Ｅ１２３, common with Chinese input methods) to ASCII, and every kind of
 * whitespace removed. Each full-width character is one UTF-16 unit, like its ASCII twin.
 */
const toAscii = (value: string): string =>
  value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/gu, '');

// ---------------------------------------------------------------------------------------------
// Checksums

/** True when a string of digits passes the Luhn check (ISO/IEC 7812-1), as bank cards do. */
export function luhnValid(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/**
 * The check character (0-9 or X) of a PRC resident ID from its first 17 digits (GB 11643,
 * ISO 7064 MOD 11-2); null when the input is not 17 digits.
 */
export function residentIdCheckChar(first17: string): string | null {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (RESIDENT_WEIGHTS[i] ?? 0);
  return RESIDENT_CHECK[sum % 11] ?? null;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * The check character of a Unified Social Credit Code from its first 17 characters (GB 32100:
 * alphabet without I, O, S, V, Z); null when the input has other characters or lengths.
 */
export function usccCheckChar(first17: string): string | null {
  if (typeof first17 !== 'string' || first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

/** ICAO 9303 check digit of an MRZ field: 0-9, A-Z = 10..35, '<' = 0, weights 7 3 1. */
export function mrzCheckDigit(field: string): string | null {
  if (typeof field !== 'string' || !/^[0-9A-Z<]*$/.test(field)) return null;
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * (weights[i % 3] ?? 0);
  }
  return String(sum % 10);
}

// ---------------------------------------------------------------------------------------------
// PRC resident identity card

/**
 * First two digits of the region code: provinces and municipalities, plus 81/82/83 used by the
 * residence permits of Hong Kong, Macao and Taiwan residents.
 */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** Whether 'YYYYMMDD' is a real date from 1900 up to today. */
export const isPastBirthDate = (yyyymmdd: string, today: Date = new Date()): boolean => {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const todayNumber =
    today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  // Compared in UTC: a birth "today" in Shanghai may still be tomorrow in UTC for 8 hours, a
  // day of slack that can only let a real number through.
  return Number.isNaN(todayNumber) || year * 10_000 + month * 100 + day <= todayNumber + 1;
};

/** Whether an 18-character string is a well-formed resident ID (region, birth date, check). */
export const residentIdProblem = (id: string, today?: Date): InvalidReason | null => {
  if (!/^\d{17}[\dX]$/.test(id)) return 'characters';
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return 'prefix';
  if (!isPastBirthDate(id.slice(6, 14), today)) return 'birth_date';
  if (residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) return 'checksum';
  return null;
};

const checkResidentId = (raw: string, today?: Date): DocumentCheck => {
  const id = toAscii(raw).replace(/x$/, 'X');
  if (!/^[\dX]*$/.test(id) || /X./.test(id)) {
    return invalid(
      'characters',
      'A resident ID number has only digits, with X allowed as the last character.',
      '居民身份证号码只包含数字，最后一位可以是 X。',
    );
  }
  if (id.length !== 18) {
    return invalid(
      'length',
      `A resident ID number has 18 characters; this one has ${id.length}.`,
      `居民身份证号码应为 18 位，当前为 ${id.length} 位。`,
    );
  }
  switch (residentIdProblem(id, today)) {
    case null:
      return VALID;
    case 'prefix':
      return invalid(
        'prefix',
        'The first two digits are not a province code: check the start of the number.',
        '前两位不是有效的省级行政区代码，请检查号码开头。',
      );
    case 'birth_date':
      return invalid(
        'birth_date',
        'Digits 7 to 14 should be a real birth date (YYYYMMDD) in the past: check them for a typo.',
        '第 7 至 14 位应为真实且已过去的出生日期（年月日），请检查是否输错。',
      );
    case 'checksum':
      return invalid('checksum', TYPO.en, TYPO.zh);
    default:
      return invalid(
        'characters',
        'A resident ID number has only digits, with X allowed as the last character.',
        '居民身份证号码只包含数字，最后一位可以是 X。',
      );
  }
};

// ---------------------------------------------------------------------------------------------
// Unified Social Credit Code (business license)

const checkUscc = (raw: string): DocumentCheck => {
  const code = toAscii(raw).replace(/-/g, '').toUpperCase();
  if (!/^[0-9A-Z]*$/.test(code)) {
    return invalid(
      'characters',
      'A unified social credit code has only digits and capital letters.',
      '统一社会信用代码只包含数字和大写字母。',
    );
  }
  if (code.length !== 18) {
    return invalid(
      'length',
      `A unified social credit code has 18 characters; this one has ${code.length}.`,
      `统一社会信用代码应为 18 位，当前为 ${code.length} 位。`,
    );
  }
  if (/[IOSVZ]/.test(code)) {
    return invalid(
      'characters',
      'A unified social credit code never contains I, O, S, V or Z: check for 1, 0, 5, U or 2.',
      '统一社会信用代码不含字母 I、O、S、V、Z，请检查是否应为 1、0、5、U 或 2。',
    );
  }
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    // Some early codes fail this check and are real: the caller shows a warning, not a block.
    return invalid(
      'checksum',
      `${TYPO.en} (A few early codes fail this check although they are real.)`,
      `${TYPO.zh}（少数早期代码虽然真实，也无法通过此校验。）`,
    );
  }
  return VALID;
};

// ---------------------------------------------------------------------------------------------
// Permits and passports (no checksum)

interface Shape {
  /** Regular expressions of the accepted forms. */
  forms: RegExp[];
  /** Characters the number can contain at all. */
  alphabet: RegExp;
  lengths: number[];
  /** Accepted first characters, when the format has a fixed leading letter. */
  prefix?: RegExp;
  name: LocalizedText;
  shapeText: LocalizedText;
}

const checkShape = (value: string, shape: Shape): DocumentCheck => {
  if (shape.forms.some((form) => form.test(value))) return VALID;
  if (!shape.alphabet.test(value)) {
    return invalid(
      'characters',
      `This is not how a ${shape.name.en} number is written: ${shape.shapeText.en}.`,
      `${shape.name.zh}号码的格式为：${shape.shapeText.zh}，当前内容含有不应出现的字符。`,
    );
  }
  if (shape.prefix && !shape.prefix.test(value)) {
    return invalid(
      'prefix',
      `A ${shape.name.en} number starts differently: ${shape.shapeText.en}.`,
      `${shape.name.zh}号码的开头不对，应为：${shape.shapeText.zh}。`,
    );
  }
  if (!shape.lengths.includes(value.length)) {
    return invalid(
      'length',
      `A ${shape.name.en} number is ${shape.shapeText.en}; this one has ${value.length} characters.`,
      `${shape.name.zh}号码应为：${shape.shapeText.zh}；当前为 ${value.length} 位。`,
    );
  }
  return invalid(
    'characters',
    `This is not how a ${shape.name.en} number is written: ${shape.shapeText.en}.`,
    `${shape.name.zh}号码的格式为：${shape.shapeText.zh}，请检查字母和数字的位置。`,
  );
};

const HK_MACAO: Shape = {
  forms: [/^[HM]\d{8}(?:\d{2})?$/],
  alphabet: /^[0-9A-Z]*$/,
  lengths: [9, 11],
  prefix: /^[HM]/,
  name: {
    en: 'Mainland Travel Permit for Hong Kong and Macao Residents',
    zh: '港澳居民来往内地通行证',
  },
  shapeText: {
    en: 'H (Hong Kong) or M (Macao) and 8 digits, sometimes 2 more digits',
    zh: 'H（香港）或 M（澳门）加 8 位数字，有时再加 2 位数字',
  },
};

const TAIWAN: Shape = {
  // Today's lifetime number is 8 digits; older permits added a 2-digit issue count and an
  // issuing-office code in brackets, which users often leave out.
  forms: [/^\d{8}$/, /^\d{10}(?:\([0-9A-Z]{1,2}\))?$/],
  alphabet: /^[0-9A-Z()]*$/,
  lengths: [8, 10],
  name: { en: 'Mainland Travel Permit for Taiwan Residents', zh: '台湾居民来往大陆通行证' },
  shapeText: {
    en: '8 digits (older permits: 10 digits and a code in brackets)',
    zh: '8 位数字（旧版：10 位数字加括号内的代码）',
  },
};

const EXIT_ENTRY: Shape = {
  forms: [/^C\d{8}$/, /^C[A-HJ-NP-Z]\d{7}$/],
  alphabet: /^[0-9A-Z]*$/,
  lengths: [9],
  prefix: /^C/,
  name: {
    en: 'Exit-Entry Permit for Travelling to and from Hong Kong and Macao',
    zh: '往来港澳通行证',
  },
  shapeText: {
    en: 'C and 8 digits, or C, a letter (not I or O) and 7 digits',
    zh: 'C 加 8 位数字，或 C 加一个字母（不含 I、O）再加 7 位数字',
  },
};

const PRC_PASSPORT: Shape = {
  forms: [/^E\d{8}$/, /^E[A-HJ-NP-Z]\d{7}$/, /^G\d{8}$/],
  alphabet: /^[0-9A-Z]*$/,
  lengths: [9],
  prefix: /^[EG]/,
  name: { en: 'Chinese passport', zh: '中国护照' },
  shapeText: {
    en: 'E and 8 digits, E, a letter (not I or O) and 7 digits, or on older passports G and 8 digits',
    zh: 'E 加 8 位数字，或 E 加一个字母（不含 I、O）再加 7 位数字；旧版为 G 加 8 位数字',
  },
};

const PASSPORT: Shape = {
  forms: [/^[0-9A-Z]{6,9}$/],
  alphabet: /^[0-9A-Z]*$/,
  lengths: [6, 7, 8, 9],
  name: { en: 'passport', zh: '护照' },
  shapeText: { en: '6 to 9 letters and digits', zh: '6 至 9 位字母和数字' },
};

/**
 * Line 2 of a passport's machine-readable zone (ICAO 9303 TD3, 44 characters): document
 * number, nationality, birth date, sex, expiry, optional data and their check digits.
 */
const checkMrzLine = (line: string): DocumentCheck => {
  const fields: [start: number, end: number, check: number, name: LocalizedText][] = [
    [0, 9, 9, { en: 'passport number', zh: '护照号码' }],
    [13, 19, 19, { en: 'birth date', zh: '出生日期' }],
    [21, 27, 27, { en: 'expiry date', zh: '有效期' }],
    [28, 42, 42, { en: 'personal number', zh: '个人号码' }],
  ];
  for (const [start, end, check, name] of fields) {
    const digit = line.charAt(check);
    // An empty optional field may carry '<' instead of a check digit.
    if (check === 42 && digit === '<' && /^<+$/.test(line.slice(start, end))) continue;
    if (mrzCheckDigit(line.slice(start, end)) !== digit) {
      return invalid(
        'checksum',
        `The check digit after the ${name.en} in the machine-readable line does not match: check for a typo.`,
        `机读区中${name.zh}后的校验位不符，请检查是否输错。`,
      );
    }
  }
  const composite = line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43);
  if (mrzCheckDigit(composite) !== line.charAt(43)) {
    return invalid(
      'checksum',
      'The last check digit of the machine-readable line does not match: check for a typo.',
      '机读区最后一位总校验位不符，请检查是否输错。',
    );
  }
  return VALID;
};

const checkPassport = (raw: string): DocumentCheck => {
  const value = toAscii(raw).toUpperCase();
  if (value.includes('<')) {
    // A pasted machine-readable zone: both lines (88) or only the second (44).
    const line = value.length === 88 ? value.slice(44) : value;
    if (/^[0-9A-Z<]{44}$/.test(line) && /^[0-9A-Z<]{9}[0-9]/.test(line)) {
      return checkMrzLine(line);
    }
    // The document number as printed in the zone, padded with '<'.
    const padded = /^([0-9A-Z]{6,9})<+$/.exec(value);
    if (padded?.[1]) return checkShape(padded[1], PASSPORT);
    // Line 1 alone (type, country, names) holds no number to check.
    return UNKNOWN;
  }
  return checkShape(value, PASSPORT);
};

// ---------------------------------------------------------------------------------------------
// Bank card

const checkBankCard = (raw: string): DocumentCheck => {
  // Dashes pasted from documents and web pages come in several forms.
  const digits = toAscii(raw).replace(/[-\u2010-\u2015\u2212]/g, '');
  if (!/^\d*$/.test(digits)) {
    return invalid(
      'characters',
      'A bank card number has only digits (spaces and hyphens between groups are fine).',
      '银行卡号只包含数字（分组之间的空格或连字符可以保留）。',
    );
  }
  if (digits.length < 16 || digits.length > 19) {
    return invalid(
      'length',
      `A bank card number has 16 to 19 digits; this one has ${digits.length}.`,
      `银行卡号应为 16 至 19 位，当前为 ${digits.length} 位。`,
    );
  }
  if (!luhnValid(digits)) return invalid('checksum', TYPO.en, TYPO.zh);
  return VALID;
};

// ---------------------------------------------------------------------------------------------

export interface ValidateOptions {
  /** "Today" for the birth-date check; defaults to the current time. */
  today?: Date;
}

/**
 * Checks a document number typed into a provider's form against its format. Harmless input is
 * normalised first (surrounding and inner spaces, full-width characters, a lower-case x at the
 * end of a resident ID, hyphens in card numbers and credit codes, lower-case letters). Empty
 * input, unknown formats and anything else that cannot be judged answer 'unknown-format'.
 */
export function validateDocumentNumber(
  format: DocumentFormat,
  value: string,
  options: ValidateOptions = {},
): DocumentCheck {
  try {
    if (typeof value !== 'string' || value.length > MAX_INPUT * 4) {
      return typeof value === 'string'
        ? invalid(
            'length',
            'This is far too long to be a document number.',
            '内容过长，不是证件号码。',
          )
        : UNKNOWN;
    }
    if (toAscii(value) === '') return UNKNOWN;
    if (value.length > MAX_INPUT) {
      return invalid(
        'length',
        'This is far too long to be a document number.',
        '内容过长，不是证件号码。',
      );
    }
    switch (format) {
      case 'prc_resident_id':
        return checkResidentId(value, options?.today);
      case 'uscc':
        return checkUscc(value);
      case 'hk_macao_residents_permit':
        return checkShape(toAscii(value).toUpperCase(), HK_MACAO);
      case 'taiwan_residents_permit':
        return checkShape(toAscii(value).toUpperCase(), TAIWAN);
      case 'exit_entry_permit':
        return checkShape(toAscii(value).toUpperCase(), EXIT_ENTRY);
      case 'prc_passport':
        return checkShape(toAscii(value).toUpperCase(), PRC_PASSPORT);
      case 'passport':
        return checkPassport(value);
      case 'bank_card':
        return checkBankCard(value);
      default:
        return UNKNOWN;
    }
  } catch {
    // Unreachable for strings; a hostile object (a throwing getter, say) ends here.
    return UNKNOWN;
  }
}
