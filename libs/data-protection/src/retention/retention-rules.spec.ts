import { ConfigError } from '@app/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRetentionRules } from './retention-rules';

describe('config/retention.yaml', () => {
  it('loads the shipped file', () => {
    const rules = loadRetentionRules();
    expect(rules.closedCases.anonymiseAfterMonths).toBe(72);
    expect(rules.ineligibleEnrolments.anonymiseAfterMonths).toBe(24);
    expect(rules.exportFiles.deleteAfterDays).toBe(7);
    expect(rules.schedule.cron).toMatch(/^(\S+\s+){4}\S+$/);
  });

  it('refuses a bad file at start-up, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'retention-'));
    try {
      writeFileSync(
        join(dir, 'retention.yaml'),
        [
          'closedCases: { anonymiseAfterMonths: 0 }',
          'ineligibleEnrolments: { anonymiseAfterMonths: 24 }',
          'exportFiles: { deleteAfterDays: 7 }',
          'sessions: { deleteAfterExpiryDays: 0 }',
          'apiTokens: { deleteAfterExpiryDays: 0 }',
          'schedule: { cron: "nightly" }',
        ].join('\n'),
      );
      let error: unknown;
      try {
        loadRetentionRules({ CONFIG_DIR: dir });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('closedCases.anonymiseAfterMonths');
      expect(message).toContain('deliveredNotifications');
      expect(message).toContain('schedule.cron');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
