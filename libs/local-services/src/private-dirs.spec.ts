import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOrphanClusters, removeServerData, removeStaleRunFolders, serverDataDir } from './private-dirs';
import type { ServiceAccount } from './service-account';

/** The current user stands in for the server's account: chown to oneself works without root. */
const self: ServiceAccount = { name: 'self', uid: process.getuid!(), gid: process.getgid!() };

describe('private data folders for a server run as another account', () => {
  let work: string;
  let project: string;
  const saved = process.env.LOCAL_SERVICES_DIR;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'private-dirs-'));
    project = join(work, 'project');
    mkdirSync(project, { mode: 0o700 });
    process.env.LOCAL_SERVICES_DIR = join(work, 'private');
  });
  afterEach(() => {
    process.env.LOCAL_SERVICES_DIR = saved;
    rmSync(work, { recursive: true, force: true });
  });

  it('uses the folder asked for when the server runs as this user', () => {
    const wanted = join(project, '.data', 'dev', 'postgres');
    expect(serverDataDir(wanted, undefined)).toBe(wanted);
    expect(existsSync(join(work, 'private'))).toBe(false);
  });

  it('keeps the data outside the project, private to the account, and links to it from the project', () => {
    const wanted = join(project, '.data', 'dev', 'postgres');
    const data = serverDataDir(wanted, self);
    expect(data.startsWith(join(work, 'private', 'clusters'))).toBe(true);
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(statSync(data).uid).toBe(self.uid);
    expect(lstatSync(wanted).isSymbolicLink()).toBe(true);
    expect(readlinkSync(wanted)).toBe(data);
    // The project folder itself is left as it was.
    expect(statSync(project).mode & 0o777).toBe(0o700);
    // The next start finds the same data through the link.
    expect(serverDataDir(wanted, self)).toBe(data);
  });

  it('starts afresh when .data/ was deleted, and removes the orphaned data', () => {
    const wanted = join(project, '.data', 'dev', 'postgres');
    const first = serverDataDir(wanted, self);
    rmSync(join(project, '.data'), { recursive: true });
    const second = serverDataDir(wanted, self);
    expect(second).not.toBe(first);
    expect(existsSync(first)).toBe(true);
    removeOrphanClusters();
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(true);
  });

  it('keeps using a cluster an earlier version made in place', () => {
    const wanted = join(project, '.data', 'dev', 'postgres');
    mkdirSync(wanted, { recursive: true });
    writeFileSync(join(wanted, 'PG_VERSION'), '18\n');
    expect(serverDataDir(wanted, self)).toBe(wanted);
  });

  it('removes throwaway data with its link', () => {
    const wanted = join(project, '.data', 'test-1', 'postgres');
    const data = serverDataDir(wanted, self);
    removeServerData(wanted, data);
    expect(existsSync(data)).toBe(false);
    expect(lstatSync(wanted, { throwIfNoEntry: false })).toBeUndefined();
  });

  it('removes the folders of killed test runs and keeps those of runs still going', async () => {
    const dataRoot = join(project, '.data');
    const dead = 2 ** 22 + 12345; // above Linux's pid limit: no such process
    const deadRun = join(dataRoot, `test-${dead}`, 'postgres');
    const deadData = serverDataDir(deadRun, self);
    mkdirSync(join(dataRoot, `test-${process.pid}`), { recursive: true });
    mkdirSync(join(dataRoot, `reliability-${dead}-abc123`), { recursive: true });
    mkdirSync(join(dataRoot, 'dev'), { recursive: true });
    await removeStaleRunFolders(dataRoot);
    expect(existsSync(join(dataRoot, `test-${dead}`))).toBe(false);
    expect(existsSync(deadData)).toBe(false);
    expect(existsSync(join(dataRoot, `reliability-${dead}-abc123`))).toBe(false);
    expect(existsSync(join(dataRoot, `test-${process.pid}`))).toBe(true);
    expect(existsSync(join(dataRoot, 'dev'))).toBe(true);
  });
});
