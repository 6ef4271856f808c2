import { freePort } from '@app/local-services';
import type { AppProcesses, RunningProcess } from './app-processes';
import { startNodeProcess } from './app-processes';

/** The smallest useful HTTP server: the ceiling for any request the app answers. */
const HELLO_SERVER = `require('node:http')
  .createServer((req, res) => { res.setHeader('content-type', 'text/plain'); res.end('hello'); })
  .listen(Number(process.env.PORT), '127.0.0.1');`;

/**
 * The smallest NestJS application on the api's HTTP adapter (Express): one controller answering
 * `{"status":"ok"}` as the api's GET /health does, Nest's defaults otherwise (its logger off, as the api's
 * request logging is off for /health). Plain JavaScript, decorators applied by hand, so it needs no build.
 */
const BARE_NEST_SERVER = `require('reflect-metadata');
  const { Controller, Get, Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  class HelloController { hello() { return { status: 'ok' }; } }
  Reflect.decorate([Get('health')], HelloController.prototype, 'hello',
    Object.getOwnPropertyDescriptor(HelloController.prototype, 'hello'));
  Reflect.decorate([Controller()], HelloController);
  class HelloModule {}
  Reflect.decorate([Module({ controllers: [HelloController] })], HelloModule);
  NestFactory.create(HelloModule, { logger: false })
    .then((app) => app.listen(Number(process.env.PORT), '127.0.0.1'));`;

/** Starts a bare node:http hello server in its own process, like the app runs in its own. */
export async function startHelloServer(app: AppProcesses, name = 'hello'): Promise<RunningProcess> {
  return startScript(app, name, HELLO_SERVER, '/');
}

/** Starts the bare NestJS (Express adapter) hello application in its own process; it answers GET /health. */
export async function startBareNestServer(app: AppProcesses, name = 'bare-nest'): Promise<RunningProcess> {
  return startScript(app, name, BARE_NEST_SERVER, '/health');
}

async function startScript(
  app: AppProcesses,
  name: string,
  script: string,
  readyPath: string,
): Promise<RunningProcess> {
  const port = await freePort();
  return startNodeProcess({
    name,
    args: ['-e', script],
    env: { PATH: process.env.PATH, PORT: String(port) },
    port,
    readyPath,
    cwd: app.root,
    logDir: app.logDir,
  });
}
