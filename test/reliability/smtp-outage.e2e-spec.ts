import { eventually, ReliabilityEnv } from './support/reliability-env';

const DAY = 86_400_000;

describe('reliability: SMTP down then up, and a permanent refusal', () => {
  const env = new ReliabilityEnv({ FOLLOW_UPS_RETRY_BASE_MS: '300', FOLLOW_UPS_RETRY_MAX_MS: '1000' });
  beforeAll(() => env.start(), 30_000);
  afterAll(() => env.stop(), 30_000);

  it('retries temporary failures until they succeed; a 5xx marks the notification failed_permanent', async () => {
    env.smtp.behaviour = 'temporary-failure';
    const batch = 'smtp';
    env.smtp.rejectRecipients.add(`adviser-${batch}-0@agency.example`);
    await env.startWorker();
    await env.schedule(5, { rule: 're-audit', anchorAt: new Date(Date.now() - 200 * DAY), batch });

    await eventually(
      async () =>
        (await env.count(
          `SELECT count(*) AS n FROM notification WHERE status = 'failed_temporary' AND attempts >= 2`,
        )) === 4,
      90_000,
      'temporary failures retried',
    );
    const [permanent] = (await env.dataSource.query(
      `SELECT status, last_error FROM notification WHERE recipient_email = $1`,
      [`adviser-${batch}-0@agency.example`],
    )) as { status: string; last_error: string }[];
    expect(permanent.status).toBe('failed_permanent');
    expect(permanent.last_error).toContain('550');
    expect(env.smtp.received).toHaveLength(0);

    env.smtp.behaviour = 'accept';
    await eventually(
      async () => (await env.count(`SELECT count(*) AS n FROM notification WHERE status = 'sent'`)) === 4,
      60_000,
      'retries delivered',
    );
    expect(env.smtp.received).toHaveLength(4);
    expect(new Set(env.smtp.received.map((m) => m.to)).size).toBe(4);
    // The follow-up chain moves on even for the refused address: the failure stays on the notification.
    expect(await env.count(`SELECT count(*) AS n FROM follow_up WHERE status = 'sent'`)).toBe(5);
  }, 180_000);

  it('a stopped SMTP server is a temporary failure: delivered once it is back', async () => {
    const before = env.smtp.received.length;
    const port = env.smtp.port;
    await env.smtp.stop();
    await env.schedule(3, { rule: 're-audit', anchorAt: new Date(Date.now() - 200 * DAY), batch: 'down' });
    await eventually(
      async () =>
        (await env.count(
          `SELECT count(*) AS n FROM notification WHERE recipient_email LIKE 'adviser-down-%' AND status = 'failed_temporary'`,
        )) === 3,
      90_000,
      'connection failures recorded',
    );
    await env.smtp.start(port);
    await eventually(
      async () =>
        (await env.count(
          `SELECT count(*) AS n FROM notification WHERE recipient_email LIKE 'adviser-down-%' AND status = 'sent'`,
        )) === 3,
      60_000,
      'delivered after SMTP returned',
    );
    expect(env.smtp.received.length - before).toBe(3);
  }, 180_000);
});
