import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a V8 heap snapshot holds, grouped: V8 collects all garbage before it writes one. */
export interface HeapSummary {
  /** Sum of every node's self size: the live heap after a full collection. */
  liveMb: number;
  /** Self size and count per group: an object's constructor name, or the node type for the rest. */
  groups: Map<string, { count: number; bytes: number }>;
}

interface SnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const OWN_NAME_TYPES = new Set(['object', 'closure', 'regexp']);

/** Reads a `.heapsnapshot` file (the JSON V8 writes) and sums its nodes by group. */
export function summariseHeapSnapshot(file: string): HeapSummary {
  const data = JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  if (typeAt < 0 || nameAt < 0 || sizeAt < 0) throw new Error(`${file} is not a V8 heap snapshot`);
  const groups = new Map<string, { count: number; bytes: number }>();
  let total = 0;
  for (let i = 0; i < data.nodes.length; i += fields.length) {
    const type = types[data.nodes[i + typeAt]];
    const size = data.nodes[i + sizeAt];
    total += size;
    // Objects and closures by their constructor's or function's name; strings, arrays, code… by type.
    const key = OWN_NAME_TYPES.has(type) ? `${data.strings[data.nodes[i + nameAt]]} (${type})` : `(${type})`;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += size;
    groups.set(key, group);
  }
  return { liveMb: Math.round(total / 1024 / 102.4) / 10, groups };
}

/** The groups that grew most from `before` to `after`, largest growth first, as lines for a report. */
export function heapGrowth(before: HeapSummary, after: HeapSummary, top = 10): string[] {
  const keys = new Set([...before.groups.keys(), ...after.groups.keys()]);
  return [...keys]
    .map((key) => {
      const a = before.groups.get(key) ?? { count: 0, bytes: 0 };
      const b = after.groups.get(key) ?? { count: 0, bytes: 0 };
      return { key, bytes: b.bytes - a.bytes, count: b.count - a.count };
    })
    .filter((g) => g.bytes > 0)
    .sort((x, y) => y.bytes - x.bytes)
    .slice(0, top)
    .map(
      (g) =>
        `${g.key}: +${(g.bytes / 1024 / 1024).toFixed(1)} MB, ${g.count >= 0 ? '+' : ''}${g.count} nodes`,
    );
}

/**
 * Asks a process started with `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir <dir>` for a snapshot and
 * returns its file once written. V8 writes it on the main thread, so the process answers `/health` again
 * only when the file is complete.
 */
export async function takeHeapSnapshot(
  process: { pid: number; url: string },
  dir: string,
  timeoutMs = 120_000,
): Promise<string> {
  const ours = (): string[] =>
    readdirSync(dir).filter((f) => f.includes(`.${process.pid}.`) && f.endsWith('.heapsnapshot'));
  const before = new Set(ours());
  globalThis.process.kill(process.pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const written = ours().find((f) => !before.has(f));
    if (written) {
      const answered = await fetch(`${process.url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (answered && statSync(join(dir, written)).size > 0) return join(dir, written);
    }
    if (Date.now() > deadline)
      throw new Error(`pid ${process.pid} wrote no heap snapshot in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
