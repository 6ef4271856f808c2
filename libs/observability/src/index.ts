export { ObservabilityModule, requestId } from './observability.module';
export { MetricsService } from './metrics.service';
export type { ConsumedQueueLike, QueueLike } from './metrics.service';
export { AppLogger } from './app-logger';
