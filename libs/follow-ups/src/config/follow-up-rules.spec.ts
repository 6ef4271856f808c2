import { ConfigError } from '@app/config';
import { renderEmail } from '../notifications/email-renderer';
import { loadFollowUpRules } from './follow-up-rules';

describe('config/follow-ups.yaml', () => {
  it('loads the six starting rules with engine defaults', () => {
    const rules = loadFollowUpRules({});
    expect(rules.rules.map((r) => r.code).sort()).toEqual(
      [
        'dormant-case',
        'first-contact',
        'next-step-due',
        're-audit',
        'stage-review',
        'training-overdue',
      ].sort(),
    );
    expect(rules.engine.sweepIntervalMs).toBe(60_000);
  });

  it('takes FOLLOW_UPS_* overrides from the environment and names a bad one', () => {
    expect(loadFollowUpRules({ FOLLOW_UPS_SWEEP_INTERVAL_MS: '1500' }).engine.sweepIntervalMs).toBe(1500);
    expect(() => loadFollowUpRules({ FOLLOW_UPS_SWEEP_INTERVAL_MS: 'soon' })).toThrow(ConfigError);
    expect(() => loadFollowUpRules({ FOLLOW_UPS_SWEEP_INTERVAL_MS: 'soon' })).toThrow(
      /FOLLOW_UPS_SWEEP_INTERVAL_MS/,
    );
  });
});

describe('renderEmail', () => {
  it('escapes values in HTML but not in the plain-text part', () => {
    const email = renderEmail('first-contact.assignee', 'en', {
      name: 'Ada',
      companyName: 'Tom & <Jerry> Ltd',
      dueDate: '1 December 2026',
      link: 'http://localhost/cases/1',
    });
    expect(email.subject).toBe('Reminder: first contact with Tom & <Jerry> Ltd due 1 December 2026');
    expect(email.text).toContain('Tom & <Jerry> Ltd');
    expect(email.html).toContain('Tom &amp; &lt;Jerry&gt; Ltd');
    expect(email.html).not.toContain('<Jerry>');
  });

  it('falls back to the generic wording for a rule without its own template', () => {
    const email = renderEmail(
      'brand-new-rule.assignee',
      'de',
      { description: 'Neue Regel', dueDate: 'heute' },
      'generic.escalate',
    );
    expect(email.subject).toBe('Eskalation: Neue Regel überfällig');
  });
});
