import { LocalRedis, startLocalRedis } from '@app/local-services';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJson } from '../../support/http';
import { startTestApi, TestApi } from '../../support/test-api';

describe('health and readiness', () => {
  let redis: LocalRedis;
  let api: TestApi;
  let redisDir: string;

  beforeAll(async () => {
    // A Redis of this test's own, so stopping it cannot disturb other suites.
    redisDir = mkdtempSync(join(tmpdir(), 'sme-health-redis-'));
    redis = await startLocalRedis({ dir: redisDir });
    api = await startTestApi({ REDIS_URL: redis.url });
  }, 120_000); // a Redis and an api of its own: slow to start on a loaded machine

  afterAll(async () => {
    await api.close();
    await redis.stop();
    rmSync(redisDir, { recursive: true, force: true });
  });

  it('answers liveness without touching dependencies', async () => {
    const res = await fetch(`${api.url}/health`);
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ status: 'ok' });
  });

  it('is ready when Postgres and Redis answer, 503 naming Redis when it stops, and recovers', async () => {
    const up = await fetch(`${api.url}/health/ready`);
    expect(up.status).toBe(200);
    const upBody = await readJson(up);
    expect(upBody.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });

    await redis.stop();
    const down = await fetch(`${api.url}/health/ready`);
    expect(down.status).toBe(503);
    const downBody = await readJson(down);
    expect(downBody.error.redis.status).toBe('down');
    expect(downBody.error.database).toBeUndefined();
    expect(downBody.info.database.status).toBe('up');

    await redis.start();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await fetch(`${api.url}/health/ready`)).status;
    }
    expect(status).toBe(200);
  });

  it('exposes Prometheus metrics with request durations by route and status', async () => {
    await fetch(`${api.url}/health`);
    const res = await fetch(`${api.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/,
    );
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('serves the OpenAPI document', async () => {
    const res = await fetch(`${api.url}/api/docs-json`);
    expect(res.status).toBe(200);
    const doc = await readJson(res);
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('SME Export Programme API');
  });
});
