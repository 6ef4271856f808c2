export { STAGES } from './domain/stage';
export type { Stage } from './domain/stage';
export { Case, CASE_STATUSES } from './entities/case.entity';
export { CaseOwnedRecord } from './entities/case-owned-record';
export type { CaseStatus } from './entities/case.entity';
export { CasesModule } from './cases.module';
export { CasesService } from './cases.service';
export type { AssigneeChange, OpenCase } from './cases.service';
export { CaseClosureService } from './closure/case-closure.service';
export type {
  CaseClosedFacts,
  CaseLifecycleListener,
  CaseReopenedFacts,
  CaseTransitionOptions,
  CloseCaseInput,
} from './closure/case-closure.service';
export { CaseClosureRules, DUPLICATE_REASON } from './closure/case-closure-rules';
