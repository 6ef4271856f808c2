import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MAP_END, MAP_START, readLibMap, renderLibMap, withLibMap } from './lib-map';

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lib-map-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('the map of libs', () => {
  let root: string;
  beforeAll(() => {
    root = repo({
      'libs/messaging/src/events/event-contracts.ts': `
        export const EVENT_CONTRACTS = {
          'case.opened': { version: 1, handlers: 'expected' },
          'case.closed': { version: 1, handlers: 'none', reason: 'x' },
        };`,
      'libs/messaging/src/index.ts': `export { EVENT_CONTRACTS } from './events/event-contracts';`,
      'libs/cases/src/index.ts': `export * from './case.entity';`,
      'libs/cases/src/case.entity.ts': `
        import { Entity } from 'typeorm';
        @Entity('cases') export class Case {}
        @Entity() export class CaseNote {}`,
      'libs/cases/src/case-events.ts': `export const CASE_CLOSED = 'case.closed';`,
      'libs/cases/src/cases.service.ts': `
        import { OutboxService } from '@app/messaging';
        import { localDate } from '@app/time/src/zoned-time';
        import { CASE_CLOSED } from './case-events';
        export class CasesService {
          run(outbox: OutboxService) {
            outbox.add(m, { type: 'case.opened', payload: {} });
            outbox.add(m, { type: CASE_CLOSED, payload: {} });
            return { type: 'not-an-event' };
          }
        }`,
      'libs/cases/src/cases.controller.ts': `
        import { Controller, Get, Post } from '@nestjs/common';
        @Controller('api/v1/cases') export class CasesController {
          @Get() list() {}
          @Get(':id') one() {}
          @Post(':id/close') close() {}
        }
        @Controller('api/v1') export class MoreController {
          @Get('me') me() {}
          @Get('/closures/:id') closure() {}
        }
        @Controller() export class CasePages {
          @Get('cases/:id') page() {}
          @Post() home() {}
          helper() {}
        }`,
      'libs/cases/src/case-opened.handler.ts': `
        import { HandlesEvent } from '@app/messaging';
        import { CASE_CLOSED } from './case-events';
        export class Handler {
          @HandlesEvent('case.opened', CASE_CLOSED) handle() {}
          @HandlesEvent('unknown.event') other() {}
        }`,
      'libs/cases/src/cases.service.spec.ts': `import { Other } from '@app/spec-only'; @Entity('spec_table') class X {}`,
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads tables, events, routes and the libs used from the code', () => {
    const cases = readLibMap(root).find((lib) => lib.name === 'cases');
    expect(cases).toEqual({
      name: 'cases',
      tables: ['case_note', 'cases'],
      publishes: ['case.closed', 'case.opened'],
      handles: ['case.closed', 'case.opened'],
      routes: [
        { prefix: '/', count: 1 },
        { prefix: '/api/v1/cases', count: 3 },
        { prefix: '/api/v1/closures', count: 1 },
        { prefix: '/api/v1/me', count: 1 },
        { prefix: '/cases', count: 1 },
      ],
      uses: ['messaging', 'time'],
    });
  });

  it('lists every lib, and a lib without facts as dashes', () => {
    const libs = readLibMap(root);
    expect(libs.map((l) => l.name)).toEqual(['cases', 'messaging']);
    const table = renderLibMap(libs);
    expect(table.split('\n')[0]).toMatch(/^\| lib \| tables it owns \|/);
    expect(table).toContain('| `messaging` | — | — | — | — | — |');
    expect(table).toContain('`/api/v1/cases` (3)');
  });

  it('replaces only what stands between the markers, and refuses a README without them', () => {
    const readme = `# Title\n\n${MAP_START}\n\nold table\n\n${MAP_END}\n\nAfter.\n`;
    expect(withLibMap(readme, 'new table')).toBe(
      `# Title\n\n${MAP_START}\n\nnew table\n\n${MAP_END}\n\nAfter.\n`,
    );
    expect(() => withLibMap('# no map', 'x')).toThrow(/lib-map:start/);
  });
});
