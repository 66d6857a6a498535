import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../../../shared/playbooks/schema';
import {
  luhnValid,
  mrzCheckDigit,
  residentIdCheckChar,
  usccCheckChar,
  validateDocumentNumber,
} from '../../../shared/validators/document-numbers';
import { bankCardArb, changeDigit, residentIdArb, usccArb } from './generators';

const today = new Date('2026-03-01T00:00:00Z');
const check = (format: DocumentFormat, value: string) =>
  validateDocumentNumber(format, value, { today });
const reasonOf = (format: DocumentFormat, value: string) => {
  const result = check(format, value);
  return result.status === 'invalid' ? result.reason : result.status;
};

describe('PRC resident ID', () => {
  it.each([
    ['11010519491231002X', 'the standard example'],
    ['11010519491231002x', 'a lower-case x'],
    [' 110105 19491231 002X ', 'spaces around and between groups'],
    ['１１０１０５１９４９１２３１００２Ｘ', 'full-width characters from a Chinese input method'],
    ['440308199901010012', 'a Shenzhen number'],
    ['810000199001010019', 'a Hong Kong residents permit (region 81)'],
  ])('%s is valid (%s)', (value) => {
    expect(check('prc_resident_id', value)).toEqual({ status: 'valid' });
  });

  it.each([
    ['11010519491231002', 'length'],
    ['1101051949123100212', 'length'],
    ['110105194912310', 'length'], // a first-generation 15-digit number is no longer issued
    ['1101051949123100X2', 'characters'],
    ['11010519491231002Y', 'characters'],
    ['110105-19491231-002X', 'characters'],
    ['99010519491231002X', 'prefix'],
    ['110105194902300021', 'birth_date'], // 30 February
    ['110105203001010010', 'birth_date'], // born in 2030
    ['110105189912310013', 'birth_date'], // before 1900
    ['110105194912310021', 'checksum'],
  ])('%s is invalid: %s', (value, reason) => {
    expect(reasonOf('prc_resident_id', value)).toBe(reason);
  });

  it('explains a checksum mismatch as a likely typo, in both languages', () => {
    expect(check('prc_resident_id', '110105194912310021')).toEqual({
      status: 'invalid',
      reason: 'checksum',
      message: {
        en: 'The last character does not match the others: check for a typo.',
        zh: '最后一位校验码与前面的号码不符，请检查是否输错。',
      },
    });
  });

  it('computes check characters from the first 17 digits', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44030819990101001')).toBe('2');
    expect(residentIdCheckChar('4403081999010100')).toBeNull();
    expect(residentIdCheckChar('4403081999010100A')).toBeNull();
  });

  it('accepts every generated number and rejects it with any one digit changed', () => {
    fc.assert(
      fc.property(residentIdArb, fc.integer({ min: 0, max: 17 }), fc.nat(), (id, i, shift) => {
        expect(check('prc_resident_id', id)).toEqual({ status: 'valid' });
        expect(check('prc_resident_id', changeDigit(id, i, shift)).status).toBe('invalid');
      }),
    );
  });

  it('calls a changed check character a checksum problem', () => {
    fc.assert(
      fc.property(residentIdArb, fc.nat(), (id, shift) => {
        expect(reasonOf('prc_resident_id', changeDigit(id, 17, shift))).toBe('checksum');
      }),
    );
  });
});

describe('unified social credit code', () => {
  it.each([
    ['91350100M000100Y43'],
    ['91110108551385082Q'],
    ['91110108551385082q'],
    ['9111 0108 5513 8508 2Q'],
  ])('%s is valid', (value) => {
    expect(check('uscc', value)).toEqual({ status: 'valid' });
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y4S', 'characters'], // S is not in the alphabet
    ['91350100M0001OOY43', 'characters'], // letter O for zero
    ['91350100M000100Y4#', 'characters'],
    ['91350100M000100Y44', 'checksum'],
  ])('%s is invalid: %s', (value, reason) => {
    expect(reasonOf('uscc', value)).toBe(reason);
  });

  it('warns on a checksum mismatch and says early codes can fail it', () => {
    const result = check('uscc', '91350100M000100Y44');
    expect(result.status === 'invalid' && result.message.en).toContain('early codes');
  });

  it('computes the GB 32100 check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91350100M000100I4')).toBeNull();
  });

  it('accepts every generated code and rejects it with any one character changed', () => {
    fc.assert(
      fc.property(usccArb, fc.integer({ min: 0, max: 17 }), fc.nat(), (code, i, shift) => {
        expect(check('uscc', code)).toEqual({ status: 'valid' });
        expect(check('uscc', changeDigit(code, i, shift)).status).toBe('invalid');
      }),
    );
  });
});

describe('permits and passports', () => {
  it.each<[DocumentFormat, string]>([
    ['hk_macao_residents_permit', 'H12345678'],
    ['hk_macao_residents_permit', 'M1234567801'],
    ['hk_macao_residents_permit', 'h12345678'],
    ['taiwan_residents_permit', '12345678'],
    ['taiwan_residents_permit', '1234567801(B)'],
    ['taiwan_residents_permit', '1234567801（B）'],
    ['taiwan_residents_permit', '1234567801'],
    ['exit_entry_permit', 'C12345678'],
    ['exit_entry_permit', 'CA1234567'],
    ['prc_passport', 'E12345678'],
    ['prc_passport', 'EA1234567'],
    ['prc_passport', 'G12345678'],
    ['prc_passport', 'e12345678'],
    ['passport', 'L898902C'],
    ['passport', '123456'],
    ['passport', 'AB1234567'],
  ])('%s %s is valid', (format, value) => {
    expect(check(format, value)).toEqual({ status: 'valid' });
  });

  it.each<[DocumentFormat, string, string]>([
    ['hk_macao_residents_permit', 'X12345678', 'prefix'],
    ['hk_macao_residents_permit', 'H1234567', 'length'],
    ['hk_macao_residents_permit', 'H123456789', 'length'],
    ['hk_macao_residents_permit', 'H1234567A', 'characters'],
    ['taiwan_residents_permit', '1234567', 'length'],
    ['taiwan_residents_permit', '1234567A', 'characters'],
    ['exit_entry_permit', 'E12345678', 'prefix'],
    ['exit_entry_permit', 'CI1234567', 'characters'], // I and O are never used
    ['exit_entry_permit', 'C1234567', 'length'],
    ['prc_passport', 'P12345678', 'prefix'],
    ['prc_passport', 'EO1234567', 'characters'],
    ['prc_passport', 'GA1234567', 'characters'], // the older G series is digits only
    ['prc_passport', 'E1234567', 'length'],
    ['prc_passport', 'E1234-5678', 'characters'],
    ['passport', '12345', 'length'],
    ['passport', '1234567890', 'length'],
    ['passport', 'AB-12345', 'characters'],
  ])('%s %s is invalid: %s', (format, value, reason) => {
    expect(reasonOf(format, value)).toBe(reason);
  });

  it('names the expected shape in both languages', () => {
    const result = check('prc_passport', 'P12345678');
    expect(result).toMatchObject({
      status: 'invalid',
      message: {
        en: expect.stringContaining('E and 8 digits'),
        zh: expect.stringContaining('E 加 8 位数字'),
      },
    });
  });
});

describe('passport machine-readable zone', () => {
  // ICAO 9303 part 4 specimen.
  const line1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
  const line2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';

  it('accepts the specimen line, both lines, and the padded number', () => {
    expect(check('passport', line2)).toEqual({ status: 'valid' });
    expect(check('passport', line1 + line2)).toEqual({ status: 'valid' });
    expect(check('passport', `${line1}\n${line2}`)).toEqual({ status: 'valid' });
    expect(check('passport', 'L898902C<')).toEqual({ status: 'valid' });
  });

  it.each([
    ['L898902C46UTO7408122F1204159ZE184226B<<<<<10', 'passport number'],
    ['L898902C36UTO7408132F1204159ZE184226B<<<<<10', 'birth date'],
    ['L898902C36UTO7408122F1204169ZE184226B<<<<<10', 'expiry date'],
    ['L898902C36UTO7408122F1204159ZE184226B<<<<<11', 'last check digit'],
  ])('finds the broken check digit in %s (%s)', (line, what) => {
    const result = check('passport', line);
    expect(result.status === 'invalid' && result.reason).toBe('checksum');
    expect(result.status === 'invalid' && result.message.en).toContain(what);
  });

  it('cannot judge the name line alone', () => {
    expect(check('passport', line1)).toEqual({ status: 'unknown-format' });
  });

  it('computes ICAO check digits', () => {
    expect(mrzCheckDigit('L898902C<')).toBe('3');
    expect(mrzCheckDigit('740812')).toBe('2');
    expect(mrzCheckDigit('abc')).toBeNull();
  });
});

describe('bank card', () => {
  it.each([
    ['4111111111111111'],
    ['4111 1111 1111 1111'],
    ['4111-1111-1111-1111'],
    ['4111–1111–1111–1111'],
    ['4111\u00a01111\u00a01111\u00a01111'],
    ['6222021234567890128'],
  ])('%s is valid', (value) => {
    expect(check('bank_card', value)).toEqual({ status: 'valid' });
  });

  it.each([
    ['411111111111111', 'length'],
    ['41111111111111111111', 'length'],
    ['4111 1111 1111 111a', 'characters'],
    ['4111111111111112', 'checksum'],
  ])('%s is invalid: %s', (value, reason) => {
    expect(reasonOf('bank_card', value)).toBe(reason);
  });

  it('accepts every generated number and rejects it with any one digit changed', () => {
    fc.assert(
      fc.property(bankCardArb, fc.nat(), fc.nat(), (card, i, shift) => {
        expect(luhnValid(card)).toBe(true);
        expect(check('bank_card', card)).toEqual({ status: 'valid' });
        const changed = changeDigit(card, i % card.length, shift);
        expect(luhnValid(changed)).toBe(false);
        expect(reasonOf('bank_card', changed)).toBe('checksum');
      }),
    );
  });
});

describe('anything that cannot be judged', () => {
  it('answers unknown-format for an unknown format or empty input', () => {
    expect(validateDocumentNumber('drivers_license' as DocumentFormat, 'D1234567')).toEqual({
      status: 'unknown-format',
    });
    expect(check('prc_resident_id', '')).toEqual({ status: 'unknown-format' });
    expect(check('bank_card', '   ')).toEqual({ status: 'unknown-format' });
    expect(validateDocumentNumber('passport', undefined as unknown as string)).toEqual({
      status: 'unknown-format',
    });
  });

  it('calls very long input too long without scanning it', () => {
    expect(reasonOf('bank_card', '4'.repeat(1_000_000))).toBe('length');
  });

  it('never throws on random strings, unicode or junk, in any format', () => {
    const formats = [...DOCUMENT_FORMATS, 'nonsense' as DocumentFormat];
    fc.assert(
      fc.property(
        fc.constantFrom(...formats),
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.string({ unit: 'binary' }),
          fc.stringMatching(/^[0-9Xx <\-()（）]{0,50}$/),
        ),
        (format, value) => {
          const result = validateDocumentNumber(format, value);
          expect(['valid', 'invalid', 'unknown-format']).toContain(result.status);
          if (result.status === 'invalid') {
            expect(result.message.en.length).toBeGreaterThan(0);
            expect(result.message.zh.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
