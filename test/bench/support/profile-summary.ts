import { readFileSync } from 'node:fs';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  /** npm package, `app` (our dist/ code), `node:<module>` or a V8 entry such as `(garbage collector)`. */
  owner: string;
  percent: number;
}

function ownerOf(url: string, functionName: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.includes('/dist/')) return 'app';
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0];
  return url ? 'other' : functionName || '(native)';
}

/**
 * Where a V8 CPU profile (`--cpu-prof`) spent its busy time: self time grouped by owning package, idle
 * time left out, biggest first. Answers "what dominates this figure" in docs/benchmarks.md.
 */
export function summariseProfile(file: string, top = 8): { busyMs: number; shares: ProfileShare[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const owners = new Map(
    profile.nodes.map((n) => [n.id, ownerOf(n.callFrame.url, n.callFrame.functionName)]),
  );
  const byOwner = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const owner = owners.get(id) ?? 'other';
    const micros = profile.timeDeltas[i] ?? 0;
    if (owner === '(idle)' || owner === '(program)') return;
    busy += micros;
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
  });
  const shares = [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([owner, micros]) => ({ owner, percent: Math.round((micros / busy) * 1000) / 10 }));
  return { busyMs: Math.round(busy / 1000), shares };
}
