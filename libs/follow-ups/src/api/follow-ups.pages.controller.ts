import { AuditContext, AuditCtx } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { NotFoundError } from '@app/errors';
import { Actor, CurrentUser, Roles } from '@app/identity';
import { mailDirOf, Notification, NotificationService, writesMailFiles } from '@app/messaging';
import { RecordIdPipe } from '@app/web';
import { Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FollowUpRulesFile } from '../config/follow-up-rules';
import { staffTasks } from '../follow-up/staff-tasks';
import { InboxService } from '../inbox/inbox.service';

const MAIL_FILE = /^[0-9a-f-]{36}\.eml$/;
const MAIL_LIST_LIMIT = 200;
const UNDELIVERED_LIST_LIMIT = 200;

/**
 * The pages behind the follow-up engine: "your tasks" for staff (their open follow-ups, and for an
 * officer what was escalated to them), the inbox every signed-in person has, the emails that failed for
 * good (for administrators, who can correct an account's address), and — in local mode, where email goes
 * to files — the mail an administrator can read to see what would have been sent.
 */
@ApiExcludeController()
@Controller()
export class FollowUpsPagesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: FollowUpRulesFile,
    private readonly config: AppConfig,
    private readonly notifications: NotificationService,
    private readonly inboxes: InboxService,
  ) {}

  /** Where local mode's emails are, or null when they go to an SMTP server. */
  private localMailDir(): string | null {
    return writesMailFiles(this.config) ? mailDirOf(this.config) : null;
  }

  @Get('tasks')
  @Roles('adviser', 'officer', 'admin')
  @Render('follow-ups/tasks')
  async tasks(@CurrentUser() actor: Actor): Promise<object> {
    const rows = await staffTasks(this.dataSource.manager, actor.id, 'open');
    const now = Date.now();
    const described = new Map(this.rules.rules.map((r) => [r.code, r.description]));
    return {
      staffPage: true,
      tasks: rows.map((f) => ({
        caseId: f.caseId,
        companyName: f.context.companyName ?? '',
        what: described.get(f.ruleCode) ?? f.kind,
        dueAt: f.deadlineAt,
        overdue: f.deadlineAt.getTime() < now,
        escalated: f.status === 'escalated',
        mine: f.assigneeId === actor.id,
      })),
    };
  }

  @Get('inbox')
  @Render('follow-ups/inbox')
  async inbox(@CurrentUser() actor: Actor): Promise<object> {
    const { messages, unreadCount } = await this.inboxes.inboxOf(actor.id);
    return {
      unreadCount,
      messages: messages.map((n) => ({
        id: n.id,
        subject: n.subject,
        body: n.bodyText,
        createdAt: n.createdAt,
        emailStatus: n.status,
        language: n.language,
        unread: n.readAt === null,
      })),
    };
  }

  @Post('inbox/read-all')
  async markAllRead(
    @Res() res: Response,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    await this.inboxes.markAllRead(actor.id, context);
    res.redirect(303, '/inbox');
  }

  @Post('inbox/:id/read')
  async markRead(
    @Param('id', new RecordIdPipe('notification')) id: string,
    @Res() res: Response,
    @CurrentUser() actor: Actor,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    await this.inboxes.markRead(actor.id, id, context);
    res.redirect(303, `/inbox#message-${id}`);
  }

  @Get('admin/mail')
  @Roles('admin')
  @Render('follow-ups/mail')
  async mail(): Promise<object> {
    const dir = this.localMailDir();
    if (!dir) return { staffPage: true, writesFiles: false, messages: [] };
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => MAIL_FILE.test(n));
    const files = await Promise.all(
      names.map(async (name) => ({ name, at: (await stat(join(dir, name))).mtime })),
    );
    files.sort((a, b) => b.at.getTime() - a.at.getTime());
    const shown = files.slice(0, MAIL_LIST_LIMIT);
    const notifications = await this.dataSource.getRepository(Notification).find({
      where: shown.map((f) => ({ id: f.name.slice(0, 36) })),
    });
    const byId = new Map(notifications.map((n) => [n.id, n]));
    return {
      staffPage: true,
      writesFiles: true,
      mailDir: dir,
      total: files.length,
      messages: shown.map((f) => {
        const n = byId.get(f.name.slice(0, 36));
        return {
          id: f.name.slice(0, 36),
          at: f.at,
          to: n?.recipientEmail ?? '',
          subject: n?.subject ?? f.name,
        };
      }),
    };
  }

  @Get('admin/undelivered')
  @Roles('admin')
  @Render('follow-ups/undelivered')
  async undelivered(): Promise<object> {
    const { items, total } = await this.notifications.undelivered(this.dataSource.manager, {
      limit: UNDELIVERED_LIST_LIMIT,
    });
    return { staffPage: true, emails: items, total };
  }

  @Get('admin/mail/:id')
  @Roles('admin')
  @Render('follow-ups/mail-message')
  async mailMessage(@Param('id') id: string): Promise<object> {
    const name = `${id}.eml`;
    const dir = this.localMailDir();
    if (!dir || !MAIL_FILE.test(name)) throw new NotFoundError('mail', id);
    const raw = await readFile(join(dir, name), 'utf8').catch(() => null);
    if (raw === null) throw new NotFoundError('mail', id);
    // The message is in its recipient's language (the mailer's Content-Language), not the page's.
    const mailLang = /^Content-Language:\s*([a-z]{2})\b/im.exec(raw)?.[1];
    return { staffPage: true, id, raw, mailLang };
  }
}
