import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SoakRecorder } from './soak-recorder';

describe('SoakRecorder', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const status = Number(req.url?.slice(1));
      if (status === 302) res.setHeader('location', '/sign-in?returnTo=%2Fcaseload');
      if (status === 303) res.setHeader('location', '/home');
      res.writeHead(status).end('{"id":"x"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('counts every answer but 2xx/3xx, a redirect to sign-in and a network error as failures', async () => {
    const recorder = new SoakRecorder();
    recorder.startMeasuring();
    for (const status of [200, 201, 303, 302, 404, 503, 503])
      await recorder.request('page', `${url}/${status}`);
    await recorder.request('api', 'http://127.0.0.1:1/closed');

    expect(recorder.requests).toBe(8);
    expect(recorder.errors).toBe(5);
    expect(recorder.failures()).toEqual([
      'page: 404 ×1',
      'page: 503 ×2',
      'page: 302 → /sign-in ×1',
      expect.stringMatching(/^api: network \(.+\) ×1$/),
    ]);
    const [page] = recorder.measurements(1);
    expect(page).toMatchObject({ subject: 'page (7 requests)', errors: 4, samples: 7 });
  });

  it('keeps response times only after the warm-up, and hands the body back', async () => {
    const recorder = new SoakRecorder();
    await recorder.request('page', `${url}/200`);
    recorder.startMeasuring();
    const res = await recorder.request('page', `${url}/201`);

    expect(await res?.json()).toEqual({ id: 'x' });
    expect(recorder.measurements(1)[0]).toMatchObject({ subject: 'page (2 requests)', samples: 1 });
    recorder.clear();
    expect(recorder.requests).toBe(0);
  });
});
