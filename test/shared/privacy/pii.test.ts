import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPii, findPii, type PiiKind } from '../../../shared/privacy/pii';
import { bankCardArb, residentIdArb } from '../validators/generators';

const kinds = (text: string): PiiKind[] => findPii(text).map((f) => f.kind);
const found = (text: string): string[] => findPii(text).map((f) => text.slice(f.start, f.end));

describe('finds identity and card numbers', () => {
  it.each<[string, PiiKind, string]>([
    ['11010519491231002X', 'resident_id', '11010519491231002X'],
    ['owner id 11010519491231002x, call later', 'resident_id', '11010519491231002x'],
    ['身份证号110105194912310038号', 'resident_id', '110105194912310038'],
    ['ID:440308199901010012', 'resident_id', '440308199901010012'],
    ['ID440308199901010012', 'resident_id', '440308199901010012'],
    [
      '身份证 １１０１０５１９４９１２３１００２Ｘ',
      'resident_id',
      '１１０１０５１９４９１２３１００２Ｘ',
    ],
    ['card 4111111111111111 exp 03/28', 'bank_card', '4111111111111111'],
    ['card 4111 1111 1111 1111.', 'bank_card', '4111 1111 1111 1111'],
    ['卡号：4111-1111-1111-1111', 'bank_card', '4111-1111-1111-1111'],
    ['UnionPay 6222 0212 3456 7890 128 (ICBC)', 'bank_card', '6222 0212 3456 7890 128'],
    ['refund to 6222021234567890128', 'bank_card', '6222021234567890128'],
    [
      'pasted card 4111\u00a01111\u00a01111\u00a01111',
      'bank_card',
      '4111\u00a01111\u00a01111\u00a01111',
    ],
    ['pasted card 4111–1111–1111–1111', 'bank_card', '4111–1111–1111–1111'],
    ['passport E12345678', 'passport', 'E12345678'],
    ['Passport No.: EA1234567 (renewed)', 'passport', 'EA1234567'],
    ['passport number is L898902C', 'passport', 'L898902C'],
    ['护照号码：E12345678', 'passport', 'E12345678'],
    ['护照号E12345678，下周到期', 'passport', 'E12345678'],
    ['护照 G12345678', 'passport', 'G12345678'],
    [
      'MRZ L898902C36UTO7408122F1204159ZE184226B<<<<<10',
      'passport',
      'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ],
  ])('%j holds a %s', (text, kind, number) => {
    expect(findPii(text).map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      [kind, number],
    ]);
    expect(containsPii(text)).toBe(true);
  });

  it('finds several numbers in order', () => {
    const text =
      'Verified by 11010519491231002X with card 4111 1111 1111 1111; backup passport E12345678.';
    expect(kinds(text)).toEqual(['resident_id', 'bank_card', 'passport']);
    expect(found(text)).toEqual(['11010519491231002X', '4111 1111 1111 1111', 'E12345678']);
  });

  it('reports a resident ID that also passes Luhn once, as a resident ID', () => {
    // 18 digits can satisfy both checks; the ID is the stronger reading.
    const luhnId = '440308199901010012';
    expect(kinds(`x ${luhnId} x`)).toEqual(['resident_id']);
  });
});

describe('leaves ordinary notes alone', () => {
  it.each([
    'Submitted 2026-03-01, review 2 to 4 business days, follow up 2026/03/05 or 20260305.',
    'Timestamp 2026-03-01T08:30:00Z, epoch 1772323200000, nanos 1772323200000000000.',
    'Call Li Wei on +86 138 0013 8000 or 13800138000, office 010-8888 6666 ext 1234.',
    'Phone 13800138000 2026-03-01 and 13900139000 2026 0301 1200',
    'Order 20260301123456789012, invoice 202603011234567890, ticket #20260301000123.',
    'Tencent account ID 100012345678, UIN 2000123456, APPID 1250000000.',
    'Paid ¥1,234,567.89 (USD 170,000.00) on 2026-03-01; balance 98765432.10.',
    'Request 550e8400-e29b-41d4-a716-446655440000 and trace 3f2a9c1d4b5e6f708192a3b4c5d6e7f8.',
    'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 checked',
    'Ticket TKT-2026030112345678 and CS-1000123456789012 closed.',
    'The passport photo was blurry; passport renewal pending; 护照照片不清晰。',
    'Passport expires 2026-03-01.',
    'Amounts: 4111111111111112 is not a card (Luhn fails).',
    'Snowflake 1234567890123456789 and order 1111222233334444.',
    'Region code 110105 and birth year 1949, sequence 002.',
  ])('%j holds nothing', (text) => {
    expect(findPii(text)).toEqual([]);
    expect(containsPii(text)).toBe(false);
  });

  it('never throws on random strings, unicode or junk', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (s) => {
        for (const f of findPii(s)) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(s.length);
        }
      }),
    );
    expect(findPii(undefined as unknown as string)).toEqual([]);
    expect(containsPii(42 as unknown as string)).toBe(false);
  });
});

// Note text without digits, so every number in it is one the test put there.
const word = fc.oneof(
  fc.constantFrom(
    'account',
    'review',
    'owner',
    'the',
    'verified',
    'on',
    '请',
    '审核',
    '账号',
    'ok',
    '—',
    '(see)',
    'ID:',
    '卡号',
  ),
  fc.stringMatching(/^[a-z]{1,8}$/),
);
const note = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));

const groupBy4 = (card: string, sep: string): string => card.match(/.{1,4}/g)?.join(sep) ?? card;

describe('generated numbers inside generated notes', () => {
  it('finds every generated resident ID where it was put', () => {
    fc.assert(
      fc.property(note, residentIdArb, note, (before, id, after) => {
        const text = `${before} ${id} ${after}`;
        expect(findPii(text)).toEqual([
          { kind: 'resident_id', start: before.length + 1, end: before.length + 1 + id.length },
        ]);
      }),
    );
  });

  it('finds every generated card, plain or grouped by four', () => {
    fc.assert(
      fc.property(
        note,
        bankCardArb,
        fc.constantFrom('', ' ', '-'),
        note,
        (before, card, sep, after) => {
          const written = sep ? groupBy4(card, sep) : card;
          const text = `${before} ${written} ${after}`;
          const findings = findPii(text);
          expect(findings).toHaveLength(1);
          // An 18-digit card can also read as a valid resident ID; either way it is refused.
          expect(text.slice(findings[0]?.start, findings[0]?.end)).toBe(written);
        },
      ),
    );
  });

  const date = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .chain((d) => {
      const iso = d.toISOString();
      const ymd = iso.slice(0, 10);
      return fc.constantFrom(
        ymd,
        ymd.replace(/-/g, '/'),
        ymd.replace(/-/g, ''),
        iso,
        String(d.getTime()),
        `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
        `${ymd.replace(/-/g, '')}${iso.slice(11, 19).replace(/:/g, '')}`,
      );
    });
  const phone = fc
    .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^[0-9]{9}$/))
    .chain(([head, rest]) => {
      const n = head + rest;
      return fc.constantFrom(
        n,
        `+86 ${n}`,
        `+86 ${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
        `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
      );
    });
  const orderNumber = fc
    .tuple(
      // Order numbers start with the order's date, YYYYMMDD.
      fc
        .date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2035-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10).replace(/-/g, '')),
      fc.stringMatching(/^[0-9]{6,12}$/),
    )
    .map(([day, rest]) => day + rest);
  const accountId = fc.stringMatching(/^1000[0-9]{8}$/);

  it('finds nothing in notes made of dates, phone numbers, order numbers and account ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(date, phone, orderNumber, accountId, fc.uuid(), word), { maxLength: 8 }),
        (parts) => {
          const text = parts.join(' ');
          expect(findPii(text)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('runs in linear-ish time', () => {
  const size = 64 * 1024;
  it.each([
    ['digits', '7'.repeat(size)],
    ['digit groups', '1234 '.repeat(size / 5)],
    ['passport words', 'passport no no no '.repeat(size / 18)],
    ['MRZ filler', '<'.repeat(size)],
    ['hex', 'a1'.repeat(size / 2)],
    ['valid cards', '4111 1111 1111 1111, '.repeat(size / 21)],
    ['ID-like runs', '11010519491231002X '.repeat(size / 19)],
    [
      'ordinary notes',
      'Submitted 2026-03-01 by +86 138 0013 8000, order 20260301123456. '.repeat(size / 66),
    ],
  ])('scans 64 KB of %s quickly', (_, text) => {
    const started = performance.now();
    findPii(text);
    // A quadratic scan of 64 KB takes seconds; linear takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
