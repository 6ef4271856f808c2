export { TrainingModule } from './training.module';
export { TrainingCatalogueService } from './training-catalogue.service';
export type { SessionWithSeats } from './training-catalogue.service';
export { TrainingBookingService } from './training-booking.service';
export { TrainingCertificateService } from './training-certificate.service';
export type { CertificateFacts } from './training-certificate.service';
export { TrainingReportsService } from './training-reports.service';
export type { ModuleStats, AttendanceRow } from './training-reports.service';
export { TrainingModuleEntity } from './entities/training-module.entity';
export { TrainingSession } from './entities/training-session.entity';
export { TrainingBooking } from './entities/training-booking.entity';
export { TrainingFeedback } from './entities/training-feedback.entity';
export { BookTrainingDto } from './dto/book-training.dto';
export { UpdateBookingDto, BOOKING_ACTIONS } from './dto/update-booking.dto';
export type { BookingAction } from './dto/update-booking.dto';
export { TrainingFeedbackDto } from './dto/training-feedback.dto';
export { CreateModuleDto, UpdateModuleDto, LocalisedTextDto } from './dto/module.dto';
export { CreateSessionDto } from './dto/create-session.dto';
export {
  TRAINING_FORMATS,
  TRAINING_LEVELS,
  COMPLETION_CRITERIA,
  BOOKING_STATUSES,
  ACTIVE_BOOKING_STATUSES,
} from './domain/training-formats';
export type {
  TrainingFormat,
  TrainingLevel,
  CompletionCriterion,
  BookingStatus,
  LocalisedText,
} from './domain/training-formats';
export { loadTrainingRules, TRAINING_RULES } from './config/training-rules';
export type { TrainingRules } from './config/training-rules';
export { seedTrainingDemo } from './seed/training-demo.seed';
export type { TrainingDemoSummary } from './seed/training-demo.seed';
