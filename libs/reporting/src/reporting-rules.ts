import { loadRulesFile } from '@app/config';
import { IsInt, Max, Min } from 'class-validator';

/** config/reporting.yaml: the financial year, the audit-barrier threshold and row-export limits. */
export class ReportingRules {
  @IsInt()
  @Min(1)
  @Max(12)
  financialYearStartMonth: number = 4;

  @IsInt()
  @Min(1)
  @Max(100)
  auditBarrierBelow: number = 50;

  /** Row-level exports one officer or adviser may start in any hour. */
  @IsInt()
  @Min(1)
  @Max(1000)
  exportsPerHour: number = 10;

  /** Days an export's file can be downloaded before the expiry sweep deletes it. */
  @IsInt()
  @Min(1)
  @Max(90)
  exportRetentionDays: number = 7;

  static load(env: NodeJS.ProcessEnv = process.env): ReportingRules {
    return loadRulesFile('reporting.yaml', ReportingRules, env);
  }
}
