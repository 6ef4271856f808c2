import { ConfigError } from '@app/config';
import { loadFollowUpRules } from './follow-up-rules';

describe('config/follow-ups.yaml', () => {
  it('loads the twelve rules with engine defaults', () => {
    const rules = loadFollowUpRules({});
    expect(rules.rules.map((r) => r.code).sort()).toEqual(
      [
        'closure-proposed',
        'dormant-case',
        'first-contact',
        'next-step-due',
        'opportunity-stale',
        'partner-referral-unanswered',
        're-audit',
        'satisfaction-survey-reminder',
        'stage-review',
        'training-overdue',
        'win-verification-expired',
        'win-verification-unanswered',
      ].sort(),
    );
    expect(rules.engine.concurrency).toBe(20);
  });

  it('takes FOLLOW_UPS_CONCURRENCY from the environment and names a bad one', () => {
    expect(loadFollowUpRules({ FOLLOW_UPS_CONCURRENCY: '5' }).engine.concurrency).toBe(5);
    expect(() => loadFollowUpRules({ FOLLOW_UPS_CONCURRENCY: 'many' })).toThrow(ConfigError);
    expect(() => loadFollowUpRules({ FOLLOW_UPS_CONCURRENCY: '0' })).toThrow(/FOLLOW_UPS_CONCURRENCY/);
  });
});
