import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  const secret = newWebhookSecret();
  const body = '{"id":"e1","type":"case.opened"}';
  const now = 1_800_000_000_000;
  const timestamp = now / 1000;

  it('is v1,<base64 HMAC-SHA256 of id.timestamp.body> under the decoded key', () => {
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const mac = createHmac('sha256', key).update(`e1.${timestamp}.${body}`).digest('base64');
    expect(signWebhook(secret, 'e1', timestamp, body)).toBe(`v1,${mac}`);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  });

  it('verifies its own signature and refuses any change, another secret or an old timestamp', () => {
    const signature = signWebhook(secret, 'e1', timestamp, body);
    const headers = { id: 'e1', timestamp: String(timestamp), signature };
    expect(verifyWebhook(secret, headers, body, now)).toBe(true);
    expect(verifyWebhook(secret, { ...headers, signature: `v1,AAAA ${signature}` }, body, now)).toBe(true);
    expect(verifyWebhook(secret, headers, `${body} `, now)).toBe(false);
    expect(verifyWebhook(secret, { ...headers, id: 'e2' }, body, now)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, body, now)).toBe(false);
    expect(verifyWebhook(secret, headers, body, now + 301_000)).toBe(false);
  });
});
