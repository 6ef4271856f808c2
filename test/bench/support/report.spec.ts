import type { BenchmarkResult } from '../bench.types';
import { formatReport, targetSummary } from './report';

const results: BenchmarkResult[] = [
  {
    name: 'cold-start',
    title: 'Cold start',
    status: 'measured',
    method: 'spawn',
    app: [
      { subject: 'app: api process', medianMs: 1200, p95Ms: 6100, p99Ms: 6100, peakRssMb: 130, samples: 5 },
    ],
    ceiling: [{ subject: 'reference: bare node', medianMs: 45, samples: 5 }],
    targets: [{ target: 'api cold start < 5 s', actual: '6.10 s', verdict: 'NOT MET' }],
    notes: [],
  },
  {
    name: 'caseload',
    title: 'Caseload',
    status: 'not-available',
    reason: 'no caseload API yet',
    targets: ['caseload median < 25 ms'],
  },
  { name: 'kpi', title: 'KPI', status: 'failed', error: 'boom', targets: ['KPI target'] },
];

describe('bench report', () => {
  it('lists every target, unmeasured and failed ones as not available, never as met', () => {
    expect(targetSummary(results)).toEqual([
      { target: 'api cold start < 5 s', actual: '6.10 s', verdict: 'NOT MET' },
      { target: 'caseload median < 25 ms', actual: 'no caseload API yet', verdict: 'NOT AVAILABLE YET' },
      { target: 'KPI target', actual: 'benchmark failed: boom', verdict: 'NOT AVAILABLE YET' },
    ]);
  });

  it('prints figures beside their ceiling and counts the verdicts', () => {
    const text = formatReport({
      startedAt: '2026-01-01T00:00:00.000Z',
      finishedAt: '2026-01-01T00:01:00.000Z',
      machine: {
        cpus: 2,
        cpuModel: 'cpu',
        memoryGb: 4,
        node: 'v20',
        platform: 'linux x64',
        loadAverageBefore: [1, 1, 1],
      },
      settings: {},
      results,
    });
    expect(text).toMatch(/app: api process\s+1\.20 s\s+6\.10 s\s+6\.10 s\s+—\s+—\s+130 MB\s+5/);
    expect(text).toMatch(/reference: bare node\s+45\.0 ms/);
    expect(text).toContain('NOT AVAILABLE YET: no caseload API yet');
    expect(text).toContain('FAILED: boom');
    expect(text).toContain('0 met, 1 not met, 2 not available yet.');
  });
});
