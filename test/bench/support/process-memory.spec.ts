import { growthPercent, heapUsedMbFromMetrics } from './process-memory';

describe('process memory readings', () => {
  it("reads the heap in use from prom-client's metrics text", () => {
    const text = [
      '# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes.',
      'nodejs_heap_size_total_bytes 99999999',
      '# TYPE nodejs_heap_size_used_bytes gauge',
      'nodejs_heap_size_used_bytes 52428800',
    ].join('\n');
    expect(heapUsedMbFromMetrics(text)).toBe(50);
    expect(heapUsedMbFromMetrics('nodejs_heap_size_used_bytes{app="api"} 1.048576e+8')).toBe(100);
    expect(heapUsedMbFromMetrics('process_resident_memory_bytes 1')).toBeUndefined();
  });

  it('gives growth in percent', () => {
    expect(growthPercent(200, 210)).toBe(5);
    expect(growthPercent(200, 190)).toBe(-5);
  });
});
