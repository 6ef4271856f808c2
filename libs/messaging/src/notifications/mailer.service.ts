import { AppConfig, projectRoot } from '@app/config';
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { MessagingSettings } from '../messaging-settings';
import type { Notification } from './notification.entity';

export interface SentMail {
  messageId: string;
}

/** A delivery failure the SMTP server called permanent (5xx): retrying cannot help. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Where local mode writes emails (.eml files), when no SMTP server is configured outside production. */
export function mailDirOf(config: AppConfig): string {
  return isAbsolute(config.MAIL_DIR) ? config.MAIL_DIR : join(projectRoot(), config.MAIL_DIR);
}

/** True when emails go to files in mailDirOf(config) rather than to an SMTP server. */
export function writesMailFiles(config: AppConfig): boolean {
  return !config.SMTP_HOST && !config.isProduction;
}

/**
 * Sends notification emails through SMTP (a pooled nodemailer transport). With no SMTP_HOST outside
 * production it writes each message as an .eml file to MAIL_DIR instead (named by notification id, so a
 * retry overwrites rather than duplicates). The Message-ID is derived from the notification id, so a
 * receiving system can recognise a resend after a crash.
 */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transporter;
  readonly mode: 'smtp' | 'files';
  readonly mailDir: string;
  private readonly domain: string;

  constructor(
    private readonly config: AppConfig,
    settings: MessagingSettings,
  ) {
    this.mailDir = mailDirOf(config);
    this.domain = /@([^>\s]+)/.exec(config.MAIL_FROM)?.[1] ?? 'export-programme.example';
    if (config.SMTP_HOST) {
      this.mode = 'smtp';
      const timeout = settings.smtpTimeoutMs;
      this.transport = nodemailer.createTransport({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
        pool: true,
        maxConnections: settings.mailConcurrency,
        maxMessages: 1000,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        // Local and test SMTP peers run without TLS; production relays are expected to offer it.
        ignoreTLS: !config.isProduction && !config.SMTP_SECURE,
      });
    } else if (config.isProduction) {
      throw new Error('SMTP_HOST must be set in production: notification emails have nowhere to go');
    } else {
      this.mode = 'files';
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  messageIdFor(notificationId: string): string {
    return `<${notificationId}@${this.domain}>`;
  }

  async send(
    notification: Pick<
      Notification,
      'id' | 'recipientName' | 'recipientEmail' | 'subject' | 'bodyText' | 'bodyHtml' | 'language'
    >,
  ): Promise<SentMail> {
    const messageId = this.messageIdFor(notification.id);
    const info = (await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: { name: notification.recipientName, address: notification.recipientEmail },
      subject: notification.subject,
      text: notification.bodyText,
      html: notification.bodyHtml,
      messageId,
      headers: { 'X-Notification-Id': notification.id, 'Content-Language': notification.language },
    })) as { message?: Buffer };
    if (this.mode === 'files' && info.message) {
      await mkdir(this.mailDir, { recursive: true });
      await writeFile(join(this.mailDir, `${notification.id}.eml`), info.message);
    }
    return { messageId };
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
