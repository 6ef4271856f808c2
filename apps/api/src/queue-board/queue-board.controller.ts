import { RETENTION_QUEUE } from '@app/data-protection';
import { EVENTS_QUEUE, FOLLOW_UPS_QUEUE, NOTIFICATIONS_QUEUE } from '@app/follow-ups';
import { Roles } from '@app/identity';
import { KPI_SNAPSHOTS_QUEUE, REPORT_EXPORTS_QUEUE } from '@app/reporting';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bull';
import { All, Controller, Next, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Queue } from 'bull';
import type { Application, NextFunction, Request, Response } from 'express';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board for admins, behind the same guard as every route (a Nest controller forwarding to the
 * board's Express router, so @Roles applies and anyone else gets 404). It shows every queue any process
 * consumes — the follow-up engine's, row-level exports and the nightly retention run — through the api's
 * own handles on them: the api attaches no consumers.
 */
@ApiExcludeController()
@Controller('admin/queues')
@Roles('admin')
export class QueueBoardController {
  private readonly router: ReturnType<ExpressAdapter['getRouter']>;

  constructor(
    @InjectQueue(EVENTS_QUEUE) events: Queue,
    @InjectQueue(FOLLOW_UPS_QUEUE) followUps: Queue,
    @InjectQueue(NOTIFICATIONS_QUEUE) notifications: Queue,
    @InjectQueue(REPORT_EXPORTS_QUEUE) exports: Queue,
    @InjectQueue(RETENTION_QUEUE) retention: Queue,
    @InjectQueue(KPI_SNAPSHOTS_QUEUE) kpiSnapshots: Queue,
  ) {
    const adapter = new ExpressAdapter();
    adapter.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: [events, followUps, notifications, exports, retention, kpiSnapshots].map(
        (q) => new BullAdapter(q, { readOnlyMode: false }),
      ),
      serverAdapter: adapter,
    });
    this.router = adapter.getRouter();
    // The board brings its own Express app, which announces itself unless told not to (the api's app is).
    (this.router as unknown as Application).disable('x-powered-by');
  }

  /**
   * The board's page loads its scripts relative to `/admin/queues/` (its <base href> is refused by the
   * CSP's base-uri 'none'), so the bare path redirects to the trailing-slash one.
   */
  @All()
  root(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    const [path, query] = req.originalUrl.split('?', 2);
    if (req.method === 'GET' && path === QUEUE_BOARD_PATH)
      return res.redirect(302, `${QUEUE_BOARD_PATH}/${query === undefined ? '' : `?${query}`}`);
    this.forward(req, res, next);
  }

  @All('*path')
  rest(@Req() req: Request, @Res() res: Response, @Next() next: NextFunction): void {
    this.forward(req, res, next);
  }

  private forward(req: Request, res: Response, next: NextFunction): void {
    req.url = req.originalUrl.slice(QUEUE_BOARD_PATH.length) || '/';
    (this.router as (req: Request, res: Response, next: NextFunction) => void)(req, res, next);
  }
}
