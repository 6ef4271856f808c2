/**
 * The house rules of docs/design.md §3, checked rather than hoped for (`npm run deps:check`).
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular imports make module order matter and hide design problems.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      comment: 'Libraries are reusable by every process; they never reach into an app.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'api-does-not-import-worker',
      severity: 'error',
      comment: 'The api never runs consumers.',
      from: { path: '^apps/api/' },
      to: { path: '^apps/worker/' },
    },
    {
      name: 'worker-does-not-import-api',
      severity: 'error',
      comment: 'The worker never mounts controllers.',
      from: { path: '^apps/worker/' },
      to: { path: '^apps/api/' },
    },
    {
      name: 'libs-only-through-index',
      severity: 'error',
      comment: 'Another lib is used through its index.ts (@app/<name>) only, never its inner files.',
      from: { path: '^(libs/([^/]+)|apps|test)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'nobody-depends-on-reporting',
      severity: 'error',
      comment: 'reporting reads everything; nothing reads reporting (apps may mount it).',
      from: { path: '^libs/', pathNot: '^libs/reporting/' },
      to: { path: '^libs/reporting/' },
    },
    {
      name: 'bull-only-in-messaging',
      severity: 'error',
      comment:
        'Queues are declared, fed and consumed through @app/messaging (JobQueuesModule, JobQueue), so a move off ' +
        'Bull 4 touches one lib. Tests may still use Bull where they inspect or drive Redis directly.',
      from: { path: '^(apps|libs)/', pathNot: '^libs/messaging/' },
      to: { path: '(^|/)node_modules/(bull|@nestjs/bull|@nestjs/bull-shared|@bull-board/[^/]+)/' },
    },
    {
      name: 'domain-is-framework-free',
      severity: 'error',
      comment:
        "A lib's domain/ folder holds its rules as plain functions and types: no TypeORM, Nest or express, no " +
        "web code (@app/web, views, pages, controllers) and none of the lib's own entities, DTOs or modules. " +
        'Types both sides need live in domain/ and the entity or DTO imports them from there.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: [
          '(^|/)node_modules/(typeorm|@nestjs/[^/]+|express|express-session|nunjucks)/',
          '^libs/web/',
          '^libs/.*/(entities|pages|controllers|views|api|dto)/',
          '\\.(entity|module|controller|dto)\\.ts$',
        ],
      },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.spec\\.ts$' },
      to: { path: '(^test/|\\.spec\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|^\\.data/)' },
  },
};
