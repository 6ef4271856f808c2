import { loadRulesFile, ValidateNestedObject } from '@app/config';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsString, Matches, Max, Min } from 'class-validator';

class AnonymiseAfterMonths {
  @IsInt() @Min(1) @Max(1200) anonymiseAfterMonths!: number;
}
class DeleteAfterMonths {
  @IsInt() @Min(1) @Max(1200) deleteAfterMonths!: number;
}
class DeleteAfterDays {
  @IsInt() @Min(1) @Max(3650) deleteAfterDays!: number;
}
class DeleteAfterExpiryDays {
  @IsInt() @Min(0) @Max(3650) deleteAfterExpiryDays!: number;
}
class RedactAfterDays {
  @IsInt() @Min(1) @Max(3650) redactAfterDays!: number;
}
class RedactAfterMonths {
  @IsInt() @Min(1) @Max(1200) redactAfterMonths!: number;
}

class Schedule {
  @IsString()
  @Matches(/^(\S+\s+){4}\S+$/, { message: '$property must be a five-field cron expression' })
  cron!: string;
}

/** config/retention.yaml */
export class RetentionRulesFile {
  @IsDefined() @ValidateNestedObject() @Type(() => AnonymiseAfterMonths) closedCases!: AnonymiseAfterMonths;
  @IsDefined()
  @ValidateNestedObject()
  @Type(() => AnonymiseAfterMonths)
  ineligibleEnrolments!: AnonymiseAfterMonths;
  @IsDefined() @ValidateNestedObject() @Type(() => DeleteAfterDays) exportFiles!: DeleteAfterDays;
  @IsDefined() @ValidateNestedObject() @Type(() => DeleteAfterExpiryDays) sessions!: DeleteAfterExpiryDays;
  @IsDefined() @ValidateNestedObject() @Type(() => DeleteAfterExpiryDays) apiTokens!: DeleteAfterExpiryDays;
  @IsDefined() @ValidateNestedObject() @Type(() => RedactAfterDays) deliveredNotifications!: RedactAfterDays;
  @IsDefined()
  @ValidateNestedObject()
  @Type(() => RedactAfterMonths)
  partnerReferrals!: RedactAfterMonths;

  @IsDefined() @ValidateNestedObject() @Type(() => DeleteAfterMonths) withdrawnPeers!: DeleteAfterMonths;
  @IsDefined() @ValidateNestedObject() @Type(() => AnonymiseAfterMonths) leftExperts!: AnonymiseAfterMonths;
  @IsDefined() @ValidateNestedObject() @Type(() => Schedule) schedule!: Schedule;
}

export function loadRetentionRules(env: NodeJS.ProcessEnv = process.env): RetentionRulesFile {
  return loadRulesFile('retention.yaml', RetentionRulesFile, env);
}
