export { ObservabilityModule, requestId } from './observability.module';
export { MetricsService } from './metrics.service';
export type { QueueLike } from './metrics.service';
