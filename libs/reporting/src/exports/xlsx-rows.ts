import { csvSafeCell } from '@app/web';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/**
 * A minimal streaming XLSX writer for the row export: the sheet's XML is built row by row and written straight
 * into a deflate stream inside the zip (yazl), so memory stays flat at any size. Replaces the exceljs
 * streaming writer, which was about four times slower on the same rows (see the export benchmark).
 *
 * What it writes: one sheet, a bold header row that stays frozen, column widths, text as inline strings (no
 * shared-strings table to hold in memory), numbers as numbers, dates as numbers with a date format (UTC, as
 * exceljs wrote them). Text that starts like a formula gets the `quotePrefix` style: Excel and LibreOffice show
 * it as the text it is, and keep it text when someone edits the cell (the XLSX form of the CSV-safe rule).
 */

/** A column of the sheet: the row key it reads, its header and its width in characters. */
export interface XlsxColumn {
  key: string;
  header: string;
  width: number;
  /** A timestamp column: Dates, or numbers that are already Excel serials (days since 1899-12-30, UTC). */
  date?: boolean;
}

/** Deflate level: 1 used about a quarter less CPU than the default 6 on 100 000 export rows, for a file about a quarter larger. */
const COMPRESSION_LEVEL = 1;
/** Rows joined into one write to the zip. */
const ROWS_PER_CHUNK = 200;

// cellXfs indexes in STYLES_XML.
const STYLE_DATE = 1;
const STYLE_TEXT_AS_TYPED = 2;
const STYLE_HEADER = 3;

const CONTENT_TYPES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;

const ROOT_RELS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK_RELS_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Characters XML 1.0 forbids (lone surrogates included; a surrogate pair is one code point under `u`). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what XML 1.0 cannot carry
const XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
// eslint-disable-next-line no-control-regex -- as above: the fast check for the same characters
const NEEDS_WORK = /[&<>\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Text as XML element content: escaped, with the characters XML 1.0 cannot carry dropped. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A1-style column letters for a 0-based index. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const EXCEL_EPOCH_DAYS = 25569; // 1970-01-01 as an Excel (1900 system) serial
const MS_PER_DAY = 86_400_000;

function textCell(ref: string, text: string, style?: number): string {
  const safe = xmlText(text);
  const space = /^\s|\s$/.test(safe) ? ' xml:space="preserve"' : '';
  const s =
    style !== undefined ? ` s="${style}"` : csvSafeCell(text) !== text ? ` s="${STYLE_TEXT_AS_TYPED}"` : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${safe}</t></is></c>`;
}

function cell(ref: string, value: unknown, date: boolean): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return date ? `<c r="${ref}" s="${STYLE_DATE}"><v>${value}</v></c>` : `<c r="${ref}"><v>${value}</v></c>`;
  }
  if (value instanceof Date) {
    const time = value.getTime();
    if (Number.isNaN(time)) return '';
    return `<c r="${ref}" s="${STYLE_DATE}"><v>${time / MS_PER_DAY + EXCEL_EPOCH_DAYS}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return textCell(ref, String(value));
}

function sheetHead(columns: XlsxColumn[]): string {
  const cols = columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`)
    .join('');
  const header = columns.map((c, i) => textCell(`${columnLetters(i)}1`, c.header, STYLE_HEADER)).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData><row r="1">${header}</row>`
  );
}

function workbookXml(sheetName: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheets><sheet name="${xmlText(sheetName).replace(/"/g, '&quot;')}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}

/**
 * Writes `rows` as a one-sheet workbook to `out` (ending it). Resolves with the number of rows written;
 * `onRows` hears the running count every `every` rows. Honours backpressure all the way to `out`.
 */
export async function writeXlsxRows(
  rows: AsyncIterable<Record<string, unknown>>,
  columns: XlsxColumn[],
  sheetName: string,
  out: NodeJS.WritableStream,
  onRows: (n: number) => void = () => undefined,
  every = 1000,
): Promise<number> {
  const zip = new ZipFile();
  const mtime = new Date();
  const part = (xml: string, path: string): void =>
    zip.addBuffer(Buffer.from(xml, 'utf8'), path, { mtime, compressionLevel: COMPRESSION_LEVEL });
  part(CONTENT_TYPES_XML, '[Content_Types].xml');
  part(ROOT_RELS_XML, '_rels/.rels');
  part(workbookXml(sheetName), 'xl/workbook.xml');
  part(WORKBOOK_RELS_XML, 'xl/_rels/workbook.xml.rels');
  part(STYLES_XML, 'xl/styles.xml');
  const sheet = new PassThrough();
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml', { mtime, compressionLevel: COMPRESSION_LEVEL });
  zip.end();
  const written = pipeline(zip.outputStream, out as unknown as PassThrough);
  // A failure downstream must not leave the row loop waiting for a drain that never comes.
  let failed: unknown;
  written.catch((err: unknown) => {
    failed = err ?? new Error('xlsx output failed');
    sheet.destroy();
  });

  const keys = columns.map((c) => c.key);
  const letters = columns.map((_c, i) => columnLetters(i));
  const dates = columns.map((c) => c.date === true);
  let chunk = sheetHead(columns);
  let count = 0;
  const flush = async (): Promise<void> => {
    if (failed) throw failed;
    const ok = sheet.write(chunk);
    chunk = '';
    if (!ok) await Promise.race([once(sheet, 'drain'), written]);
    if (failed) throw failed;
  };
  try {
    for await (const row of rows) {
      count += 1;
      const r = count + 1;
      let xml = `<row r="${r}">`;
      for (let i = 0; i < keys.length; i++) xml += cell(letters[i] + r, row[keys[i]], dates[i]);
      chunk += `${xml}</row>`;
      if (count % ROWS_PER_CHUNK === 0) await flush();
      if (count % every === 0) onRows(count);
    }
    chunk += '</sheetData></worksheet>';
    await flush();
    sheet.end();
  } catch (err) {
    sheet.destroy(err as Error);
    (zip.outputStream as unknown as PassThrough).destroy(err as Error);
    await written.catch(() => undefined);
    throw err;
  }
  await written;
  return count;
}
