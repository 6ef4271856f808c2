import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heapGrowth, summariseHeapSnapshot } from './heap-snapshot';

/** A real snapshot from a small node process holding `probes` instances of a class named SnapshotProbe. */
function snapshotWith(dir: string, probes: number): string {
  const script = `
    class SnapshotProbe { constructor(i) { this.payload = 'x'.repeat(64) + i; } }
    globalThis.kept = Array.from({ length: ${probes} }, (_, i) => new SnapshotProbe(i));
    process.stdout.write(require('node:v8').writeHeapSnapshot(${JSON.stringify(join(dir, `probes-${probes}.heapsnapshot`))}));
  `;
  return execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
}

describe('heap snapshot summaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heap-snapshot-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts live objects by constructor and names what grew between two snapshots', () => {
    const small = summariseHeapSnapshot(snapshotWith(dir, 10));
    const large = summariseHeapSnapshot(snapshotWith(dir, 20_000));

    expect(small.groups.get('SnapshotProbe (object)')?.count).toBe(10);
    expect(large.groups.get('SnapshotProbe (object)')?.count).toBe(20_000);
    // 20 000 probes and their 20 000 strings of 65+ characters: over a megabyte more live heap.
    expect(large.liveMb - small.liveMb).toBeGreaterThan(1);
    const growth = heapGrowth(small, large, 3);
    expect(growth).toHaveLength(3);
    expect(growth.some((line) => line.startsWith('SnapshotProbe (object): +'))).toBe(true);
    expect(heapGrowth(large, small)).not.toContainEqual(expect.stringContaining('SnapshotProbe'));
  });

  it('refuses a file that is not a heap snapshot', () => {
    const notSnapshot = join(dir, 'other.json');
    writeFileSync(
      notSnapshot,
      JSON.stringify({ snapshot: { meta: { node_fields: [], node_types: [[]] } }, nodes: [], strings: [] }),
    );
    expect(() => summariseHeapSnapshot(notSnapshot)).toThrow('is not a V8 heap snapshot');
  });
});
