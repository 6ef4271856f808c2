import { Roles } from '@app/identity';
import { QueueBoard, type QueueBoardHandler } from '@app/messaging';
import { All, Controller, Next, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * Bull Board for admins, behind the same guard as every route (a Nest controller forwarding to the
 * board's Express router, so @Roles applies and anyone else gets 404). It shows every queue any process
 * consumes — messaging's, the reminders', row-level exports, the KPI refresh and the nightly retention run
 * — through the handles QueueBoardModule declares: the api attaches no consumers.
 */
@ApiExcludeController()
@Controller('admin/queues')
@Roles('admin')
export class QueueBoardController {
  private readonly router: QueueBoardHandler;

  constructor(board: QueueBoard) {
    this.router = board.handler(QUEUE_BOARD_PATH);
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
    this.router(req, res, next);
  }
}
