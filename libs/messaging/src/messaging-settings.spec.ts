import { ConfigError } from '@app/config';
import { loadMessagingSettings } from './messaging-settings';

describe('config/messaging.yaml', () => {
  it('loads the defaults', () => {
    const settings = loadMessagingSettings({});
    expect(settings.sweepIntervalMs).toBe(60_000);
    expect(settings.relayBatchSize).toBe(500);
    expect(settings.mailConcurrency).toBe(10);
  });

  it('takes MESSAGING_* overrides, still honours the older FOLLOW_UPS_* names, and names a bad one', () => {
    expect(loadMessagingSettings({ MESSAGING_SWEEP_INTERVAL_MS: '1500' }).sweepIntervalMs).toBe(1500);
    expect(loadMessagingSettings({ FOLLOW_UPS_SWEEP_INTERVAL_MS: '1600' }).sweepIntervalMs).toBe(1600);
    expect(
      loadMessagingSettings({ MESSAGING_RELAY_POLL_MS: '20', FOLLOW_UPS_RELAY_POLL_MS: '30' }).relayPollMs,
    ).toBe(20);
    expect(() => loadMessagingSettings({ MESSAGING_SWEEP_INTERVAL_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadMessagingSettings({ MESSAGING_SWEEP_INTERVAL_MS: 'soon' })).toThrow(
      /MESSAGING_SWEEP_INTERVAL_MS/,
    );
    expect(() => loadMessagingSettings({ FOLLOW_UPS_SWEEP_INTERVAL_MS: '5' })).toThrow(
      /FOLLOW_UPS_SWEEP_INTERVAL_MS/,
    );
  });
});
