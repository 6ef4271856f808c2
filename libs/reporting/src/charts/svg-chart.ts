/**
 * Server-side SVG bar charts for the dashboard. Each chart is an <svg role="img"> named by its <title> and
 * described by its <desc> (which lists every value), so a screen reader hears the numbers; the dashboard
 * also puts a data table beside every chart. Colours are GOV.UK palette colours with 3:1 contrast against
 * white, and series are told apart by pattern of position and the legend text, not colour alone.
 */

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface BarChartInput {
  id: string; // unique on the page; prefixes the title/desc ids
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** How a value is written on the bar and in the description (default: as is). */
  format?: (value: number) => string;
  /** What an empty chart says, in the page's language (default: English). */
  noData?: string;
}

const COLOURS = ['#1d70b8', '#003078', '#00703c', '#d4351c'];
// Drawn in a half-width column (about 450 px), so the viewBox is small and the text stays legible.
const WIDTH = 480;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 60;
const BAR_HEIGHT = 24;
const GAP = 10;
const LEGEND_LINE = 22;
const FONT = 14;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A horizontal bar chart (one bar per category and series); lengths are proportional to the values. */
export function barChartSvg(input: BarChartInput): string {
  const format = input.format ?? ((v: number) => String(v));
  const noData = input.noData ?? 'No data for this period';
  const ids = { title: `${input.id}-title`, desc: `${input.id}-desc` };
  const multi = input.series.length > 1;
  const values = input.series.flatMap((s) => s.values.map((v) => v ?? 0));
  const max = Math.max(0, ...values);
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const groupHeight = input.series.length * BAR_HEIGHT + GAP;
  const top = multi ? input.series.length * LEGEND_LINE + 6 : 0;
  const height = Math.max(top + input.categories.length * groupHeight, BAR_HEIGHT + GAP);

  const description =
    input.categories.length === 0
      ? `${noData}.`
      : input.categories
          .map((category, i) =>
            input.series
              .map(
                (s) =>
                  `${multi ? `${s.name}, ` : ''}${category}: ${s.values[i] === null ? '–' : format(s.values[i] ?? 0)}`,
              )
              .join('; '),
          )
          .join('; ') + '.';

  const parts: string[] = [];
  if (multi) {
    input.series.forEach((s, si) => {
      const y = si * LEGEND_LINE;
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="14" height="14" fill="${COLOURS[si % COLOURS.length]}"/>`,
        `<text x="${LABEL_WIDTH + 20}" y="${y + 16}" font-size="${FONT}">${escapeXml(s.name)}</text>`,
      );
    });
  }
  input.categories.forEach((category, ci) => {
    const groupTop = top + ci * groupHeight;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${groupTop + (input.series.length * BAR_HEIGHT) / 2 + 5}" text-anchor="end" font-size="${FONT}">${escapeXml(category)}</text>`,
    );
    input.series.forEach((s, si) => {
      const value = s.values[ci] ?? 0;
      const width = max > 0 ? Math.round((value / max) * plotWidth) : 0;
      const y = groupTop + si * BAR_HEIGHT;
      parts.push(
        `<rect class="app-chart__bar" x="${LABEL_WIDTH}" y="${y + 2}" width="${width}" height="${BAR_HEIGHT - 4}" fill="${COLOURS[si % COLOURS.length]}" data-value="${value}"/>`,
        `<text x="${LABEL_WIDTH + width + 6}" y="${y + BAR_HEIGHT - 7}" font-size="${FONT}">${escapeXml(s.values[ci] === null ? '–' : format(value))}</text>`,
      );
    });
  });
  if (input.categories.length === 0) {
    parts.push(`<text x="${LABEL_WIDTH}" y="20" font-size="${FONT}">${escapeXml(noData)}</text>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" aria-labelledby="${ids.title} ${ids.desc}" ` +
    `viewBox="0 0 ${WIDTH} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">` +
    `<title id="${ids.title}">${escapeXml(input.title)}</title>` +
    `<desc id="${ids.desc}">${escapeXml(description)}</desc>` +
    `<g font-family="&quot;GDS Transport&quot;, arial, sans-serif" fill="#0b0c0c">${parts.join('')}</g></svg>`
  );
}
