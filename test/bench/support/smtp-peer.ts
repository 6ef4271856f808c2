import { freePort } from '@app/local-services';
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { stopChild } from './stop-child';

export interface SmtpPeer {
  port: number;
  /** Date.now() of each message received so far whose subject carries `[bench:<tag>]`. */
  received(tag: string): Promise<number[]>;
  stop(): Promise<void>;
}

/** Starts the SMTP peer (smtp-peer-child.ts) in its own process on a free loopback port. */
export async function startSmtpPeer(cwd: string): Promise<SmtpPeer> {
  const port = await freePort();
  const child: ChildProcess = fork(join(__dirname, 'smtp-peer-child.ts'), [], {
    cwd,
    env: { ...process.env, SMTP_PEER_PORT: String(port) },
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`SMTP peer exited with code ${code}`)));
  });
  return {
    port,
    received: (tag) =>
      new Promise((resolve) => {
        child.once('message', (message: { times: number[] }) => resolve(message.times));
        child.send({ type: 'received', tag });
      }),
    stop: () => stopChild(child),
  };
}
