import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/accounts';
import { csvLine, neutralise, parseCsv } from '../../worker/csv';
import { call, createAccount, errorOf, seedTeam, type Team } from './support/api';

let team: Team;
beforeAll(async () => {
  team = await seedTeam('CSV team');
});

const importCsv = (csv: string, token = team.editor.token) =>
  call('/accounts/import', { token, raw: csv, headers: { 'Content-Type': 'text/csv' } });

describe('parseCsv', () => {
  it.each([
    [
      'plain',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF and BOM',
      '\uFEFFa,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['quoted comma, quote and newline', 'a\n"x, ""y""\nz"\n', [['a'], ['x, "y"\nz']]],
    ['no final newline, blank lines', 'a\n\n1', [['a'], ['1']]],
    [
      'empty quoted field',
      'a,b\n"",2',
      [
        ['a', 'b'],
        ['', '2'],
      ],
    ],
  ])('%s', (_name, text, cells) => {
    const r = parseCsv(text);
    expect(r.ok && r.records.map((x) => x.cells)).toEqual(cells);
  });

  it('reports the row of an unclosed quote or of text after a closing quote', () => {
    expect(parseCsv('a\n1\n"open')).toMatchObject({ ok: false, row: 3 });
    expect(parseCsv('a,b\n"x"y,1')).toMatchObject({ ok: false, row: 2 });
  });

  it('keeps a quote inside an unquoted field as text', () => {
    const r = parseCsv('a\n=HYPERLINK("x")');
    expect(r.ok && r.records[1]?.cells).toEqual(['=HYPERLINK("x")']);
  });
});

describe('csvLine', () => {
  it('quotes per RFC 4180 and neutralises formula-like cells', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', null, 3])).toBe('"a,b","say ""hi""","x\ny",,3');
    for (const f of ['=SUM(A1)', '+1', '-1+1', '@cmd']) expect(neutralise(f)).toBe(`'${f}`);
    expect(csvLine(['=HYPERLINK("http://x")'])).toBe(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe('POST /accounts/import', () => {
  it('imports valid rows in one batch and reports refused rows by row number', async () => {
    const csv = [
      '\uFEFFprovider,externalId,label,entityType,notes',
      'commsease,imp-1,"Shop, HK",individual,',
      'tencentcloud-intl,imp-2,Label 2,,"multi',
      'line note"',
      'nope,imp-3,,,',
      'commsease,imp-1,again,,',
      'commsease,imp-5,,,card 4111 1111 1111 1111',
      'commsease,imp-6,,martian,',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    const result = (await res.json()) as ImportResult;
    expect(result.created).toBe(2);
    expect(result.items.map((a) => a.label)).toEqual(['Shop, HK', 'Label 2']);
    expect(result.items[1]?.notes).toBe('multi\r\nline note');
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 4, code: 'validation_failed', path: 'provider' }),
      expect.objectContaining({ row: 5, code: 'conflict' }),
      expect.objectContaining({ row: 6, code: 'pii_detected', path: 'notes' }),
      expect.objectContaining({ row: 7, code: 'validation_failed', path: 'entityType' }),
    ]);
    const events = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM events WHERE type = 'imported' AND team_id = ?",
    )
      .bind(team.id)
      .first<{ n: number }>();
    expect(events?.n).toBe(2);
    const again = await importCsv('provider,externalId\ncommsease,imp-1\n');
    expect(((await again.json()) as ImportResult).errors).toEqual([
      expect.objectContaining({ row: 2, code: 'conflict' }),
    ]);
  });

  it('takes JSON rows too', async () => {
    const res = await call('/accounts/import', {
      token: team.editor.token,
      body: { rows: [{ provider: 'commsease', externalId: 'json-1' }, { provider: 'x' }] },
    });
    const result = (await res.json()) as ImportResult;
    expect(result.created).toBe(1);
    expect(result.errors.map((e) => e.row)).toEqual([2, 2]);
  });

  it('imports 1,000 rows at once and refuses 1,001', async () => {
    const fresh = await seedTeam('Bulk');
    const rows = Array.from({ length: 1000 }, (_, i) => `commsease,bulk-${i},Row ${i}`);
    const res = await importCsv(
      ['provider,externalId,label', ...rows].join('\n'),
      fresh.editor.token,
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportResult).created).toBe(1000);
    const n = await env.DB.prepare('SELECT COUNT(*) AS n FROM accounts WHERE team_id = ?')
      .bind(fresh.id)
      .first<{ n: number }>();
    expect(n?.n).toBe(1000);
    const tooMany = await importCsv(
      ['provider,externalId', ...Array.from({ length: 1001 }, (_, i) => `commsease,m-${i}`)].join(
        '\n',
      ),
      fresh.editor.token,
    );
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).details).toEqual([
      { path: 'rows', message: expect.any(String) },
    ]);
  });

  it('refuses a broken file as a whole (400) with the row or column', async () => {
    const unknown = await importCsv('provider,externalId,colour\ncommsease,1,red');
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).details).toEqual([
      { path: 'header.colour', message: 'unknown column' },
    ]);
    const unclosed = await importCsv('provider,externalId\ncommsease,"open');
    expect(unclosed.status).toBe(400);
    expect(JSON.stringify((await errorOf(unclosed)).details)).toContain('row 2');
  });

  it('refuses a viewer and another media type', async () => {
    expect((await importCsv('provider,externalId\n', team.viewer.token)).status).toBe(403);
    const xml = await call('/accounts/import', {
      token: team.editor.token,
      raw: '<rows/>',
      headers: { 'Content-Type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
  });
});

describe('GET /accounts/export', () => {
  it('exports the filtered list as CSV that neutralises formulas and imports back', async () => {
    const fresh = await seedTeam('Export');
    await createAccount(fresh.editor.token, {
      provider: 'commsease',
      externalId: 'exp-1',
      label: '=HYPERLINK("http://evil")',
      notes: 'line1\nline2, "quoted"',
    });
    await createAccount(fresh.editor.token, { provider: 'tencentcloud-intl', externalId: 'exp-2' });
    const res = await call('/accounts/export?provider=commsease', { token: fresh.viewer.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/csv');
    const text = await res.text();
    const parsed = parseCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.records.map((r) => r.cells);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries((header ?? []).map((h, i) => [h, rows[0]?.[i]]));
    expect(row.label).toBe(`'=HYPERLINK("http://evil")`);
    expect(row.notes).toBe('line1\nline2, "quoted"');
    expect(row.externalId).toBe('exp-1');

    const other = await seedTeam('Reimport');
    const back = await importCsv(text, other.editor.token);
    expect(((await back.json()) as ImportResult).created).toBe(1);
  });
});
