import { ApiProperty } from '@nestjs/swagger';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../entities/enrolment.entity';
import type { EnrolmentView } from '../enrolment-view';

type Schema = Record<string, unknown>;
const text = (example: string | null, extra: Schema = {}): Schema => ({
  type: 'string',
  nullable: true,
  example,
  ...extra,
});
const int = (example: number | null, extra: Schema = {}): Schema => ({
  type: 'integer',
  nullable: true,
  example,
  ...extra,
});
const flag: Schema = { type: 'boolean', nullable: true };
const codes = (example: string): Schema => ({ type: 'array', items: { type: 'string', example } });
/** A nested object (wrapped in allOf: @ApiProperty's own `required` would swallow the object's list). */
const object = (properties: Record<string, Schema>, nullable = false): Schema => ({
  type: 'object',
  required: true,
  ...(nullable ? { nullable: true } : {}),
  allOf: [{ type: 'object', required: Object.keys(properties), properties }],
});
/** An object inside a nested object or array: plain JSON schema. */
const inner = (properties: Record<string, Schema>, nullable = false): Schema => ({
  type: 'object',
  ...(nullable ? { nullable: true } : {}),
  required: Object.keys(properties),
  properties,
});
const dateTime: Schema = { type: 'string', format: 'date-time' };

class EligibilityResponse {
  @ApiProperty() eligible!: boolean;
  @ApiProperty({
    type: 'array',
    items: inner({
      rule: { type: 'string', example: 'sme_employees' },
      passed: { type: 'boolean' },
      params: {
        type: 'object',
        description: 'Values for the explanation (the limit, the figure given)',
        additionalProperties: {
          oneOf: [{ type: 'string', nullable: true }, { type: 'number' }, { type: 'boolean' }],
        },
      },
    }),
  })
  reasons!: NonNullable<EnrolmentView['eligibility']>['reasons'];
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
}

class DecidedBy {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class AppealResponse {
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) appealedAt!: string;
  @ApiProperty({ type: 'string', enum: ['upheld', 'rejected'], nullable: true }) decision!:
    'upheld' | 'rejected' | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: DecidedBy, nullable: true }) decidedBy!: DecidedBy | null;
}

class EnrolmentCaseResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'non_exporter' }) stage!: string;
  @ApiProperty({ example: 'awaiting_assignment' }) status!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) adviserId!: string | null;
}

/** An enrolment as the API answers it (toEnrolmentView): the answers in their blocks, null until given. */
export class EnrolmentResponse implements EnrolmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ENROLMENT_STATUSES, example: 'draft' }) status!: EnrolmentStatus;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Send it back (If-Match or `version`) to change' })
  version!: number;
  @ApiProperty(
    object({
      legalName: text('Acme Widgets Ltd'),
      tradingName: text('Acme'),
      registrationNumber: text('01234567'),
      registrationCountry: text('GB', { description: 'ISO 3166-1 alpha-2' }),
      vatNumber: text('GB123456789'),
      region: text('north_east'),
      naceCode: text('C10.1', { description: 'NACE Rev. 2' }),
      naceSection: text('C'),
      employees: int(42, { minimum: 0 }),
      turnoverMinor: int(250000000, { minimum: 0, description: 'In minor units of `currency`' }),
      balanceSheetMinor: int(120000000, { minimum: 0, description: 'In minor units of `currency`' }),
      currency: text('EUR', { description: 'ISO 4217' }),
      yearFounded: int(2009),
      website: text('https://acme.example', { format: 'uri' }),
      socialProfiles: {
        type: 'array',
        items: inner({
          platform: { type: 'string', example: 'linkedin' },
          url: { type: 'string', format: 'uri' },
        }),
      },
    }),
  )
  company!: EnrolmentView['company'];
  @ApiProperty(
    object({
      exportedLast12Months: flag,
      exportSharePercent: int(15, { minimum: 0, maximum: 100 }),
      markets: codes('FR'),
      orderOrigin: text('unsolicited'),
    }),
  )
  exportStatus!: EnrolmentView['exportStatus'];
  @ApiProperty(codes('DE')) targetMarkets!: string[];
  @ApiProperty(object({ selected: codes('regulation'), note: text('Labelling rules') }))
  barriers!: EnrolmentView['barriers'];
  @ApiProperty(codes('market_research')) helpWanted!: string[];
  @ApiProperty(
    object({ dataProcessing: flag, evaluationContact: flag, privacyNoticeVersion: text('2026-01') }),
  )
  consent!: EnrolmentView['consent'];
  @ApiProperty({ ...dateTime, nullable: true }) submittedAt!: string | null;
  @ApiProperty({ type: EligibilityResponse, nullable: true })
  eligibility!: EnrolmentView['eligibility'];
  @ApiProperty({ type: AppealResponse, nullable: true })
  appeal!: EnrolmentView['appeal'];
  @ApiProperty({ type: EnrolmentCaseResponse, nullable: true })
  case!: EnrolmentView['case'];
  @ApiProperty(dateTime) createdAt!: string;
  @ApiProperty(dateTime) updatedAt!: string;
}

export class EnrolmentList {
  @ApiProperty({ type: EnrolmentResponse, isArray: true, description: 'Newest first, then by id' })
  items!: EnrolmentResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class AwaitingDecisionItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme Widgets Ltd' }) companyName!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'north_east' }) region!: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Whole days since it was submitted' })
  ageDays!: number;
}

export class AwaitingDecisionList {
  @ApiProperty({ type: AwaitingDecisionItem, isArray: true }) items!: AwaitingDecisionItem[];
}
