import fc from 'fast-check';
import { residentIdCheckChar, usccCheckChar } from '../../../shared/validators/document-numbers';

// Generators of numbers that are valid by construction, shared by the validator and PII tests.

const PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65,
];

const digits = (min: number, max = min) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((d) => d.join(''));

const birthDate = fc
  .date({
    min: new Date('1900-01-01T00:00:00Z'),
    max: new Date('2025-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));

/** A PRC resident ID with a real region, a real past birth date and its computed check char. */
export const residentIdArb = fc
  .tuple(fc.constantFrom(...PROVINCES), digits(4), birthDate, digits(3))
  .map(([province, region, birth, seq]) => {
    const first17 = `${province}${region}${birth}${seq}`;
    return first17 + (residentIdCheckChar(first17) ?? '');
  });

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A unified social credit code with its computed check character. */
export const usccArb = fc
  .array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 })
  .map((chars) => {
    const first17 = chars.join('');
    return first17 + (usccCheckChar(first17) ?? '');
  });

const luhnCheckDigit = (body: string): string => {
  let sum = 0;
  // The check digit goes on the right, so the body's last digit is doubled.
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
};

/** A 16-19 digit card number with a Luhn check digit, starting like real cards (3-6, 62...). */
export const bankCardArb = fc
  .tuple(fc.constantFrom('4', '5', '62', '6222', '3', '9558'), fc.integer({ min: 16, max: 19 }))
  .chain(([prefix, length]) =>
    digits(length - prefix.length - 1).map((body) => {
      const withoutCheck = prefix + body;
      return withoutCheck + luhnCheckDigit(withoutCheck);
    }),
  );

/** Replaces the character at `index` with a different digit. */
export const changeDigit = (value: string, index: number, shift: number): string => {
  const c = value.charAt(index);
  const replacement = /\d/.test(c) ? String((Number(c) + 1 + (shift % 9)) % 10) : '0';
  return value.slice(0, index) + replacement + value.slice(index + 1);
};
