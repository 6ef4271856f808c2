import { ApiProperty } from '@nestjs/swagger';

const changes = {
  type: 'object' as const,
  nullable: true,
  additionalProperties: true,
  description:
    'Free-form snapshot of the fields that changed, as the action recorded them (each action has its own ' +
    'fields; secrets replaced); for case records, values only for those who read every case',
};

export class AuditEventResponse {
  @ApiProperty({ example: '1042', description: 'Ordered identity, as a string' }) id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'Null: the system or anonymous',
  })
  actorId!: string | null;
  @ApiProperty({ example: 'case.closed' }) action!: string;
  @ApiProperty({ example: 'case' }) entityType!: string;
  @ApiProperty({ example: 'b1f0c6de-3b8a-4c71-9a49-0f3f5f1d2c77' }) entityId!: string;
  @ApiProperty(changes) before!: Record<string, unknown> | null;
  @ApiProperty(changes) after!: Record<string, unknown> | null;
  @ApiProperty({ type: 'string', nullable: true }) requestId!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) ip!: string | null;
}

export class AuditEventPage {
  @ApiProperty({ type: AuditEventResponse, isArray: true, description: 'Newest first' })
  items!: AuditEventResponse[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor`; null on the last page' })
  nextCursor!: string | null;
}
