import { AppConfig } from '@app/config';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { RouteInfo } from '@nestjs/common/interfaces';
import { TerminusModule } from '@nestjs/terminus';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as HttpOptions } from 'pino-http';
import pretty from 'pino-pretty';
import { AppLogger } from './app-logger';
import { HealthController } from './health.controller';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsAccessGuard } from './metrics-access.guard';
import { MetricsService } from './metrics.service';
import { RedisHealthIndicator } from './redis.health';

/** One readable line an event, for a person watching `npm start` in a terminal. */
function prettyLines(): DestinationStream {
  return pretty({
    sync: true,
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context,req,res,responseTime,reqId,err',
    messageFormat:
      '{if context}[{context}] {end}{msg}{if req} {req.method} {req.url}{end}{if res} {res.statusCode}{end}{if responseTime} {responseTime} ms{end}{if err} {err.message}{end}',
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Health probes and metrics scrapes: never logged, so they get no request logger either (below). */
const PROBE_ROUTES: RouteInfo[] = ['health', 'health/{*rest}', 'metrics'].map((path) => ({
  path,
  method: RequestMethod.ALL,
}));

/** Keeps a caller's X-Request-Id when it is sane, otherwise makes one; echoes it on the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * Structured JSON logs with a request id, Prometheus metrics, /health and /health/ready, for any process
 * (api or worker) that imports it.
 */
@Module({
  imports: [
    TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }),
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options: HttpOptions = {
          level: config.LOG_LEVEL,
          genReqId: requestId,
          autoLogging: {
            ignore: (req: IncomingMessage) => /^\/(health|metrics|assets)/.test(req.url ?? ''),
          },
          quietReqLogger: true,
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        };
        return {
          pinoHttp: config.LOG_FORMAT === 'pretty' ? [options, prettyLines()] : options,
          // A child logger, its serialised request and an async context per probe were a fifth of what a
          // /health answer cost (issue 29); probes keep their X-Request-Id (configure below).
          exclude: PROBE_ROUTES,
        };
      },
    }),
  ],
  controllers: [HealthController],
  providers: [MetricsService, RedisHealthIndicator, MetricsAccessGuard, AppLogger],
  exports: [MetricsService, AppLogger],
})
export class ObservabilityModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply((req: IncomingMessage, res: ServerResponse, next: () => void) => {
        requestId(req, res);
        next();
      })
      .forRoutes(...PROBE_ROUTES);
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
