import { RecordIdPipe } from '@app/web';

export const CaseIdPipe = new RecordIdPipe('case');
export const AdviserIdPipe = new RecordIdPipe('adviser');
