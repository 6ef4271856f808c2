import { NotFoundError } from '@app/errors';
import { Injectable, PipeTransform } from '@nestjs/common';
import { isUuid } from './uuid';

/**
 * A route's record id: one that is not a UUID names no record, so it gets the same 404 as an unknown one
 * (never a 400 that tells ids apart, never a database error). `@Param('id', new RecordIdPipe('case'))`.
 */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  constructor(private readonly entity: string) {}

  transform(value: string): string {
    if (!isUuid(value)) throw new NotFoundError(this.entity, String(value).slice(0, 40));
    return value.toLowerCase();
  }
}
