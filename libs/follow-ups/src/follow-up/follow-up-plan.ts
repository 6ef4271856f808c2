import type { WorkingCalendar } from '../calendar/working-calendar';
import type { FollowUpRule } from '../config/follow-up-rules';
import type { PlannedStep } from './follow-up.entity';

export interface FollowUpPlan {
  deadlineAt: Date;
  steps: PlannedStep[];
}

/**
 * The due date and the firing time of every step, from the rule as it is now. Stored on the row, so a
 * later rule change leaves existing follow-ups alone. Steps are ordered by time (ties keep rule order).
 */
export function planFollowUp(
  rule: FollowUpRule,
  anchorAt: Date,
  calendar: WorkingCalendar,
  variant?: string | null,
): FollowUpPlan {
  const chosen = variant ? rule.variants?.find((v) => v.name === variant) : undefined;
  if (variant && !chosen) throw new Error(`rule ${rule.code} has no variant "${variant}"`);
  const deadlineAt = calendar.add(anchorAt, (chosen ?? rule).due);
  const steps = rule.steps
    .map((s, index) => ({
      index,
      at: calendar.add(deadlineAt, s.offset),
      action: s.action,
      notify: s.notify,
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index)
    .map(({ at, action, notify }) => ({ at: at.toISOString(), action, notify }));
  return { deadlineAt, steps };
}

/** The status a follow-up takes once the step it just fired is delivered (or given up on). */
export function statusAfterStep(plan: PlannedStep[], step: number): 'scheduled' | 'sent' | 'escalated' {
  if (step + 1 < plan.length) return 'scheduled';
  return plan[step]?.action === 'escalate' ? 'escalated' : 'sent';
}
