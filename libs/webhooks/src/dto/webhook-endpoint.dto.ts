import { IsOptionalNotNull } from '@app/web';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsIn, IsString, MaxLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEventType } from '../domain/webhook-events';

export class CreateWebhookEndpointDto {
  @ApiProperty({
    format: 'uri',
    maxLength: 2000,
    example: 'https://crm.agency.example/webhooks/sme',
    description: 'https:// (plain http:// only to 127.0.0.1 or localhost, and never in production)',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['case.opened', 'stage.changed'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events!: WebhookEventType[];

  @ApiPropertyOptional({ maxLength: 200, example: 'Finance system' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class UpdateWebhookEndpointDto extends PartialType(CreateWebhookEndpointDto, {
  // Left out means unchanged; null is not a url, a list of events or a description.
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({ description: 'false pauses it: no new deliveries are recorded for it' })
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
