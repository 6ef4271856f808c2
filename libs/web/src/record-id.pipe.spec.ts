import { NotFoundError } from '@app/errors';
import { RecordIdPipe } from './record-id.pipe';

describe('RecordIdPipe', () => {
  const pipe = new RecordIdPipe('case');

  it('passes a UUID through, lower-cased', () => {
    expect(pipe.transform('0B7C9A3E-5A4F-4D8E-9C1B-2F3E4D5C6B7A')).toBe(
      '0b7c9a3e-5a4f-4d8e-9c1b-2f3e4d5c6b7a',
    );
  });

  it.each(['42', 'not-a-uuid', "0b7c9a3e-5a4f-4d8e-9c1b-2f3e4d5c6b7' OR 1=1", '%00', ''])(
    '%j names no record: 404',
    (id) => {
      expect(() => pipe.transform(id)).toThrow(NotFoundError);
    },
  );
});
