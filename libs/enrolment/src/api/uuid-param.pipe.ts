import { NotFoundError } from '@app/errors';
import { Injectable, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id that is not a UUID names no record: 404 (and Postgres never sees a malformed uuid). */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  constructor(private readonly entity: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError(this.entity, value.slice(0, 64));
    return value.toLowerCase();
  }
}
