import { Module } from '@nestjs/common';
import { EnrolmentRules } from './enrolment-rules';

/**
 * The enrolment rules, loaded once per process however many modules read them (enrolment, the advisers'
 * assignment and caseload, the reports' filter checks): nace.yaml alone is about a thousand entries to
 * validate.
 */
@Module({
  providers: [{ provide: EnrolmentRules, useFactory: () => EnrolmentRules.load() }],
  exports: [EnrolmentRules],
})
export class EnrolmentRulesModule {}
