export { OpportunitiesModule } from './opportunities.module';
export { OpportunitiesService, OpportunityVersionConflictError } from './opportunities.service';
export type {
  Pipeline,
  PipelineRow,
  PipelineTotal,
  PipelineInReportingCurrency,
} from './opportunities.service';
export { ExportOpportunity } from './entities/export-opportunity.entity';
export { CreateOpportunityDto, UpdateOpportunityDto } from './dto/opportunity.dto';
export { PipelineQueryDto } from './dto/pipeline-query.dto';
export { OpportunityRules } from './opportunity-rules.file';
export {
  BUYER_TYPES,
  OPPORTUNITY_SOURCES,
  LIKELIHOODS,
  OPPORTUNITY_STATUSES,
  nextStatuses,
  quarterRange,
  quarterOf,
  weighted,
} from './domain/opportunity-rules';
export type { BuyerType, OpportunitySource, Likelihood, OpportunityStatus } from './domain/opportunity-rules';
export { ExportWinsService } from './export-wins.service';
export { ExportWin } from './entities/export-win.entity';
export { CorrectExportWinDto, RecordExportWinDto } from './dto/export-win.dto';
export { ExportWinVersionConflictError } from './export-win.errors';
export { WIN_TYPES, GOODS_OR_SERVICES, MAX_WIN_YEARS, winTotal, winYears } from './domain/win-rules';
export type { WinType, GoodsOrServices } from './domain/win-rules';
export { WinVerificationService } from './win-verification.service';
export type { OpenedWin } from './win-verification.service';
export { WinLinks } from './win-links';
export { WinAnswerDto } from './dto/win-answer.dto';
export { VERIFICATION_STATES, verificationState, isConfirmedValue } from './domain/win-rules';
export type { VerificationState, StoredVerification } from './domain/win-rules';
