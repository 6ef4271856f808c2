import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Injectable } from '@nestjs/common';
import type { Application, NextFunction, Request, Response } from 'express';
import { bullQueueOf } from './job-queue';
import { JobQueues } from './job-queues';

export type QueueBoardHandler = (req: Request, res: Response, next: NextFunction) => void;

/**
 * Bull Board over every queue this process holds a handle on (the api registers the queues it shows;
 * it attaches no consumers). The caller mounts the handler under `basePath` behind its own guard.
 */
@Injectable()
export class QueueBoard {
  constructor(private readonly queues: JobQueues) {}

  /** Built at the first request, once every module has declared its queues. */
  handler(basePath: string): QueueBoardHandler {
    let router: QueueBoardHandler | undefined;
    return (req, res, next) => {
      router ??= this.build(basePath);
      router(req, res, next);
    };
  }

  private build(basePath: string): QueueBoardHandler {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(basePath);
    createBullBoard({
      queues: this.queues.all().map((q) => new BullAdapter(bullQueueOf(q), { readOnlyMode: false })),
      serverAdapter: adapter,
    });
    const router = adapter.getRouter() as QueueBoardHandler & Pick<Application, 'disable'>;
    // The board brings its own Express app, which announces itself unless told not to (the api's app is).
    router.disable('x-powered-by');
    return router;
  }
}
