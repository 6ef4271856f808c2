import { WorkingCalendar } from '../calendar/working-calendar';
import { loadFollowUpRules } from '../config/follow-up-rules';
import { planFollowUp, statusAfterStep } from './follow-up-plan';

const rules = loadFollowUpRules({});
const calendar = new WorkingCalendar({ timeZone: 'Europe/London', ...rules.calendar });

function rule(code: string) {
  const found = rules.rule(code);
  if (!found) throw new Error(`config/follow-ups.yaml has no rule ${code}`);
  return found;
}

describe('planFollowUp with config/follow-ups.yaml', () => {
  it('first contact: due 5 working days after assignment, remind 1 working day before, escalate 2 after', () => {
    // assigned Thu 17 Dec 2026 09:00 GMT: 18, 21, 22, 23, 24 → due Thu 24 Dec (25/26/28 closed)
    const plan = planFollowUp(rule('first-contact'), new Date('2026-12-17T09:00:00Z'), calendar);
    expect(plan.deadlineAt.toISOString()).toBe('2026-12-24T09:00:00.000Z');
    expect(plan.steps).toEqual([
      { at: '2026-12-23T09:00:00.000Z', action: 'remind', notify: 'assignee' },
      // 2 working days after Thu 24 Dec: 29, 30
      { at: '2026-12-30T09:00:00.000Z', action: 'escalate', notify: 'officer' },
    ]);
  });

  it('re-audit: 180 days after the audit, 90 for the passive-ready variant', () => {
    const audit = new Date('2026-01-10T10:00:00Z');
    expect(planFollowUp(rule('re-audit'), audit, calendar).deadlineAt.toISOString()).toBe(
      '2026-07-09T09:00:00.000Z',
    );
    expect(planFollowUp(rule('re-audit'), audit, calendar, 'passive-ready').deadlineAt.toISOString()).toBe(
      '2026-04-10T09:00:00.000Z',
    );
    expect(() => planFollowUp(rule('re-audit'), audit, calendar, 'nonsense')).toThrow(/no variant/);
  });

  it('dormant case: remind after 60 days, escalate at 90', () => {
    const plan = planFollowUp(rule('dormant-case'), new Date('2026-02-01T12:00:00Z'), calendar);
    expect(plan.steps.map((s) => [s.at.slice(0, 10), s.action, s.notify])).toEqual([
      ['2026-04-02', 'remind', 'assignee'],
      ['2026-05-02', 'escalate', 'officer'],
    ]);
  });

  it('training overdue: the SME first, then the adviser five working days later', () => {
    const plan = planFollowUp(rule('training-overdue'), new Date('2026-11-06T17:00:00Z'), calendar);
    expect(plan.steps.map((s) => [s.at, s.notify])).toEqual([
      ['2026-11-06T17:00:00.000Z', 'sme'],
      ['2026-11-13T17:00:00.000Z', 'assignee'],
    ]);
  });

  it('ends as sent after a last reminder, escalated after a last escalation, scheduled otherwise', () => {
    const plan = planFollowUp(rule('first-contact'), new Date('2026-11-02T09:00:00Z'), calendar).steps;
    expect(statusAfterStep(plan, 0)).toBe('scheduled');
    expect(statusAfterStep(plan, 1)).toBe('escalated');
    expect(statusAfterStep(planFollowUp(rule('re-audit'), new Date(), calendar).steps, 0)).toBe('sent');
  });
});
