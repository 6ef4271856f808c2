import { AppliedRateResponse, MoneyResponse } from '@app/web';
import { ApiProperty } from '@nestjs/swagger';
import { GOODS_OR_SERVICES, VERIFICATION_STATES, WIN_TYPES } from '../domain/win-rules';

class WinYearResponse {
  @ApiProperty({ type: 'integer', example: 2027 }) year!: number;
  @ApiProperty({ type: MoneyResponse }) value!: MoneyResponse;
}

class WinReportingTotalResponse {
  @ApiProperty({
    format: 'date',
    example: '2026-12-07',
    description: 'The day converted at: the day recorded',
  })
  on!: string;
  @ApiProperty({
    type: MoneyResponse,
    nullable: true,
    description: 'The total in the reporting currency; null when no rate is known that day (missingRate)',
  })
  value!: MoneyResponse | null;
  @ApiProperty({
    type: AppliedRateResponse,
    nullable: true,
    description: 'The dated rate used; null for a win in the reporting currency or without a rate',
  })
  rate!: AppliedRateResponse | null;
  @ApiProperty({ description: 'config/exchange-rates.yaml has no rate of the currency on that day' })
  missingRate!: boolean;
}

class WinVerificationResponse {
  @ApiProperty({ enum: VERIFICATION_STATES }) state!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) answeredAt!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'What the company said (required when it disputes the win)',
  })
  companyComment!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, nullable: true }) companyRating!: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) signedOffAt!: string | null;
}

/** An export win as the API answers it (winJson). */
export class ExportWinResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The won opportunity it came from',
  })
  opportunityId!: string | null;
  @ApiProperty({ example: 'Müller Feinkost GmbH' }) customerName!: string;
  @ApiProperty({
    type: 'string',
    minLength: 2,
    maxLength: 2,
    example: 'DE',
    description: 'ISO 3166-1 alpha-2',
  })
  customerCountry!: string;
  @ApiProperty({ enum: GOODS_OR_SERVICES }) goodsOrServices!: string;
  @ApiProperty({ example: 'Olive oil for 40 delicatessen shops' }) description!: string;
  @ApiProperty({ enum: WIN_TYPES }) winType!: string;
  @ApiProperty({ type: 'integer', example: 2027, description: 'The calendar year of the first value' })
  firstYear!: number;
  @ApiProperty() supportDecisive!: boolean;
  @ApiProperty({ type: 'string', isArray: true, description: 'Codes of config/support-measures.yaml' })
  supportMeasures!: string[];
  @ApiProperty({ type: 'string', isArray: true, description: 'Codes of training modules booked on the case' })
  trainingModules!: string[];
  @ApiProperty({ type: 'string', nullable: true }) notes!: string | null;
  @ApiProperty({
    type: WinYearResponse,
    isArray: true,
    minItems: 1,
    maxItems: 5,
    description: 'The value of each year from firstYear (sent as valuesMinor + currency)',
  })
  years!: WinYearResponse[];
  @ApiProperty({ type: MoneyResponse, description: 'The sum of the years' }) total!: MoneyResponse;
  @ApiProperty({ type: WinReportingTotalResponse, description: 'The total in the reporting currency, dated' })
  totalInReportingCurrency!: WinReportingTotalResponse;
  @ApiProperty({ type: WinVerificationResponse, description: "The company's confirmation" })
  verification!: WinVerificationResponse;
  @ApiProperty({ description: 'Confirmed by the company and signed off by an officer' })
  confirmedValue!: boolean;
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ExportWinList {
  @ApiProperty({ type: ExportWinResponse, isArray: true, description: 'Newest first' })
  items!: ExportWinResponse[];
}
