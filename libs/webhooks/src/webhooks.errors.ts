import { ConflictError, InvalidInputError } from '@app/errors';
import type { EndpointUrlProblem } from './domain/endpoint-url';

const URL_MESSAGES: Record<Exclude<EndpointUrlProblem, null>, string> = {
  invalid: 'Enter the endpoint as a full URL, like https://crm.example/webhooks',
  https_required: 'The endpoint must use https://',
  credentials: 'Leave the user name and password out of the URL',
  private_address: 'The endpoint must be on the internet, not a private or local network address',
};

/** 400 naming `url`, with the problem as its code (`url_https_required`, …). */
export function endpointUrlRefused(problem: Exclude<EndpointUrlProblem, null>): InvalidInputError {
  return new InvalidInputError([{ field: 'url', code: `url_${problem}`, message: URL_MESSAGES[problem] }]);
}

/** 409: the delivery is waiting or being sent; it can be replayed once it has settled. */
export class DeliveryInFlightError extends ConflictError {
  constructor() {
    super('webhook.delivery_in_flight', 'This delivery is still being sent; replay it once it has settled');
  }
}
