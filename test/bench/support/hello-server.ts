import { freePort } from '@app/local-services';
import type { AppProcesses, RunningProcess } from './app-processes';
import { startNodeProcess } from './app-processes';

/** The smallest useful HTTP server: the ceiling for any request the app answers. */
const HELLO_SERVER = `require('node:http')
  .createServer((req, res) => { res.setHeader('content-type', 'text/plain'); res.end('hello'); })
  .listen(Number(process.env.PORT), '127.0.0.1');`;

/** Starts a bare node:http hello server in its own process, like the app runs in its own. */
export async function startHelloServer(app: AppProcesses, name = 'hello'): Promise<RunningProcess> {
  const port = await freePort();
  return startNodeProcess({
    name,
    args: ['-e', HELLO_SERVER],
    env: { PATH: process.env.PATH, PORT: String(port) },
    port,
    readyPath: '/',
    cwd: app.root,
    logDir: app.logDir,
  });
}
