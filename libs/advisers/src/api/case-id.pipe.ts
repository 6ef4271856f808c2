import { NotFoundError } from '@app/errors';
import { Injectable, PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names no record: 404 like any unknown one (and never a database error). */
@Injectable()
export class RecordIdPipe implements PipeTransform<string, string> {
  constructor(private readonly entity: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) throw new NotFoundError(this.entity, value.slice(0, 40));
    return value.toLowerCase();
  }
}

export const CaseIdPipe = new RecordIdPipe('case');
export const AdviserIdPipe = new RecordIdPipe('adviser');
