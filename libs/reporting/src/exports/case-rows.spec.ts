import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { stringify } from 'csv-stringify/sync';
import { caseExportColumns, csvRows } from './case-rows';
import { CSV_OPTIONS } from './kpi-formats';

const TRICKY = [
  'Plain Ltd',
  'Comma, and Co',
  'She said "hi"',
  'Line\nbreak',
  'Carriage\rreturn',
  '=SUM(A1:A9)',
  '+44 20 7946 0000',
  '-12',
  '@handle',
  '',
  'Ünïcödé GmbH',
];

/** The case export's CSV writer must write exactly what csv-stringify writes with the shared options. */
describe('csvRows', () => {
  it('matches csv-stringify on quoting, formula neutralising, dates, numbers, booleans and nulls', async () => {
    const columns = caseExportColumns(true);
    const rows = Array.from({ length: 2345 }, (_, i) =>
      Object.fromEntries(
        columns.map((c, j) => {
          const pick = (i * 7 + j * 3) % 6;
          const value =
            pick === 0
              ? TRICKY[(i + j) % TRICKY.length]
              : pick === 1
                ? null
                : pick === 2
                  ? new Date(Date.UTC(2026, i % 12, (j % 27) + 1, i % 24, 5, 7, i % 1000))
                  : pick === 3
                    ? (i * 31) / 7
                    : pick === 4
                      ? i % 2 === 0
                      : i;
          return [c.key, value];
        }),
      ),
    );
    const progress: number[] = [];
    const writer = csvRows(columns, (n) => progress.push(n), 1000);
    const ours = await text(Readable.from(rows).pipe(writer));
    const theirs = stringify(rows, {
      ...CSV_OPTIONS,
      header: true,
      columns: columns.map((c) => ({ key: c.key, header: c.header })),
    });
    expect(ours).toBe(theirs);
    expect(writer.count).toBe(2345);
    expect(progress).toEqual([1000, 2000]);
  });
});
