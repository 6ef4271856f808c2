import { PassThrough, Readable, Writable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { columnLetters, writeXlsxRows, xmlText, type XlsxColumn } from './xlsx-rows';

const columns: XlsxColumn[] = [
  { key: 'name', header: 'Company', width: 36 },
  { key: 'score', header: 'Score', width: 12 },
  { key: 'opened_at', header: 'Opened', width: 20 },
  { key: 'note', header: 'Note & <more>', width: 10 },
  { key: 'audited', header: 'Audited', width: 20, date: true },
];

async function toBuffer(rows: Record<string, unknown>[]): Promise<{ body: Buffer; count: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const count = await writeXlsxRows(Readable.from(rows), columns, 'Cases', out);
  return { body: Buffer.concat(chunks), count };
}

/** The entries of a zip, read from its central directory (what Excel and LibreOffice read). */
function unzip(zip: Buffer): Map<string, string> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < entries; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const [nameLen, extraLen, commentLen] = [28, 30, 32].map((o) => zip.readUInt16LE(at + o));
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLen);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(data, data + size);
    files.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

describe('xmlText', () => {
  it('escapes markup and drops the characters XML 1.0 forbids, keeping surrogate pairs', () => {
    expect(xmlText('A & B <c>')).toBe('A &amp; B &lt;c&gt;');
    expect(xmlText('bell\u0007 nul\u0000 ok\ttab\nline')).toBe('bell nul ok\ttab\nline');
    expect(xmlText('lone \uD800 high, pair \uD83D\uDE00, \uFFFE')).toBe('lone  high, pair \uD83D\uDE00, ');
    expect(xmlText('plain')).toBe('plain');
  });
});

describe('columnLetters', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [702, 'AAA'],
  ])('%i → %s', (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
  });
});

describe('writeXlsxRows', () => {
  const opened = new Date('2026-03-04T05:06:00.000Z');
  const rows = [
    { name: '=cmd|/C calc', score: 61.5, opened_at: opened, note: '  padded  ', audited: 46085.5 },
    { name: 'Acme & <Sons>\u0001 Ltd', score: null, opened_at: null, note: '-12.5' },
    { name: '@SUM(A1)', score: 0, opened_at: opened, note: 'émoji \uD83D\uDE00' },
  ];

  it('reads back in exceljs with the header, types, widths and a frozen header row', async () => {
    const { body, count } = await toBuffer(rows);
    expect(count).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const sheet = wb.getWorksheet('Cases')!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(columns.map((_c, i) => sheet.getColumn(i + 1).width)).toEqual(columns.map((c) => c.width));

    const first = sheet.getRow(2);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(1).value).toBe('=cmd|/C calc');
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(2).value).toBe(61.5);
    expect(first.getCell(3).value).toEqual(opened);
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(4).value).toBe('  padded  ');
    // A date column given an Excel serial (as Postgres computes it for the export) is a date too.
    expect(first.getCell(5).value).toEqual(new Date('2026-03-04T12:00:00.000Z'));
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm');

    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe('Acme & <Sons> Ltd');
    expect(second.getCell(2).type).toBe(ExcelJS.ValueType.Null);
    expect(second.getCell(3).type).toBe(ExcelJS.ValueType.Null);
    expect(second.getCell(4).value).toBe('-12.5');
    expect(sheet.getRow(4).getCell(2).value).toBe(0);
    expect(sheet.getRow(4).getCell(4).value).toBe('émoji \uD83D\uDE00');
  });

  it('marks formula-like text (and only that) with the quote-prefix style, so it stays text when edited', async () => {
    const files = unzip((await toBuffer(rows)).body);
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(files.get('xl/styles.xml')).toMatch(
      /<cellXfs count="4">(<xf [^>]*\/>){2}<xf [^>]*quotePrefix="1"/,
    );
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<c r="A2" s="2" t="inlineStr"><is><t>=cmd|/C calc</t></is></c>');
    expect(sheet).toContain('<c r="A4" s="2" t="inlineStr"><is><t>@SUM(A1)</t></is></c>');
    expect(sheet).toContain('<c r="A3" t="inlineStr"><is><t>Acme &amp; &lt;Sons&gt; Ltd</t></is></c>');
    expect(sheet).toContain('<c r="D3" t="inlineStr"><is><t>-12.5</t></is></c>');
    expect(sheet).not.toMatch(/<f>/);
  });

  it('rejects, rather than hanging, when the destination fails mid-way', async () => {
    const many = Array.from({ length: 20_000 }, (_v, i) => ({ name: `Company ${i}`, score: i }));
    let written = 0;
    const failing = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        done(written > 50_000 ? new Error('disk full') : null);
      },
    });
    await expect(writeXlsxRows(Readable.from(many), columns, 'Cases', failing)).rejects.toThrow('disk full');
  });
});
