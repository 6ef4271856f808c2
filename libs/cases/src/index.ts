export { STAGES } from './domain/stage';
export type { Stage } from './domain/stage';
export { Case, CASE_STATUSES } from './entities/case.entity';
export type { CaseStatus } from './entities/case.entity';
export { CasesModule } from './cases.module';
export { CasesService } from './cases.service';
export type { AssigneeChange, OpenCase } from './cases.service';
