import { barChartSvg } from './svg-chart';

describe('barChartSvg', () => {
  const svg = barChartSvg({
    id: 'c1',
    title: 'Markets <entered>',
    categories: ['France', 'Côte d’Ivoire & Co'],
    series: [{ name: 'Markets', values: [4, 2] }],
  });

  it('is an image named by its title and described by every value', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Markets &lt;entered&gt;</title>');
    expect(svg).toContain('<desc id="c1-desc">France: 4; Côte d’Ivoire &amp; Co: 2.</desc>');
  });

  it('draws bars proportional to the values', () => {
    const widths = [...svg.matchAll(/class="app-chart__bar"[^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeGreaterThan(0);
    expect(widths[1] * 2).toBe(widths[0]);
  });

  it('labels series in a legend and in the description when there are several', () => {
    const two = barChartSvg({
      id: 'c2',
      title: 'T',
      categories: ['2025-05'],
      series: [
        { name: 'Up', values: [1] },
        { name: 'Down', values: [0] },
      ],
    });
    expect(two).toContain('Up, 2025-05: 1; Down, 2025-05: 0.');
    expect((two.match(/class="app-chart__bar"/g) ?? []).length).toBe(2);
    expect(two).toContain('>Down</text>');
  });

  it('says so when there is nothing to draw', () => {
    const empty = barChartSvg({ id: 'c3', title: 'T', categories: [], series: [{ name: 'S', values: [] }] });
    expect(empty).toContain('No data for this period');
    expect(empty).not.toContain('app-chart__bar');
  });
});
