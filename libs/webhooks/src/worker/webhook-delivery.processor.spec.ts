import { WEBHOOK_EVENTS } from '../domain/webhook-events';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';

describe('WebhookDeliveryProcessor', () => {
  it('handles exactly the events an endpoint may subscribe to', () => {
    const handled = Reflect.getMetadata(
      'messaging:handles-event',
      WebhookDeliveryProcessor.prototype.fanOut,
    ) as string[];
    expect([...handled].sort()).toEqual([...WEBHOOK_EVENTS].sort());
  });
});
