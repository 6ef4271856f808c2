import { loadRulesFile, IntRange } from '@app/config';

/** config/reporting.yaml: the financial year, the audit-barrier threshold and row-export limits. */
export class ReportingRules {
  @IntRange(1, 12)
  financialYearStartMonth: number = 4;

  @IntRange(1, 100)
  auditBarrierBelow: number = 50;

  /** Row-level exports one officer or adviser may start in any hour. */
  @IntRange(1, 1000)
  exportsPerHour: number = 10;

  /** Days an export's file can be downloaded before the expiry sweep deletes it. */
  @IntRange(1, 90)
  exportRetentionDays: number = 7;

  static load(env: NodeJS.ProcessEnv = process.env): ReportingRules {
    return loadRulesFile('reporting.yaml', ReportingRules, env);
  }
}
