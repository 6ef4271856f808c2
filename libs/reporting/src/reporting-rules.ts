import { loadRulesFile } from '@app/config';
import { IsInt, Max, Min } from 'class-validator';

/** config/reporting.yaml: the financial year and the audit-barrier threshold. */
export class ReportingRules {
  @IsInt()
  @Min(1)
  @Max(12)
  financialYearStartMonth: number = 4;

  @IsInt()
  @Min(1)
  @Max(100)
  auditBarrierBelow: number = 50;

  static load(env: NodeJS.ProcessEnv = process.env): ReportingRules {
    return loadRulesFile('reporting.yaml', ReportingRules, env);
  }
}
