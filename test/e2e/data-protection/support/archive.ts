import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubjectAccessData } from '@app/data-protection';

/** Reads the two members of a subject access zip with the system `unzip` (a real zip reader, not ours). */
export function readArchive(zip: Buffer): { json: SubjectAccessData; html: string; members: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sar-'));
  try {
    const file = join(dir, 'archive.zip');
    writeFileSync(file, zip);
    const members = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n').sort();
    const json = JSON.parse(
      execFileSync('unzip', ['-p', file, 'subject-access.json'], { encoding: 'utf8' }),
    ) as SubjectAccessData;
    const html = execFileSync('unzip', ['-p', file, 'summary.html'], { encoding: 'utf8' });
    return { json, html, members };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
