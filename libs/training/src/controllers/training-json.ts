import { publicQuestions } from '../domain/assessment';
import type { TrainingBooking } from '../entities/training-booking.entity';
import type { TrainingModuleEntity } from '../entities/training-module.entity';
import type { TrainingSession } from '../entities/training-session.entity';
import type { SessionWithSeats } from '../training-catalogue.service';

/** API shapes: explicit, so an entity column added later is not published by accident. */
export function moduleJson(m: TrainingModuleEntity): Record<string, unknown> {
  return {
    code: m.code,
    title: m.title,
    summary: m.summary,
    format: m.format,
    completionCriterion: m.completionCriterion,
    passMark: m.passMark,
    assessment: publicQuestions(m.assessment),
    durationMinutes: m.durationMinutes,
    level: m.level,
    barriers: m.barriers,
    questionIds: m.questionIds,
    prerequisites: m.prerequisites,
    platforms: m.platforms,
    retired: m.retiredAt !== null,
    retiredAt: m.retiredAt,
  };
}

export function sessionJson(s: TrainingSession | SessionWithSeats): Record<string, unknown> {
  return {
    id: s.id,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    timeZone: s.timeZone,
    capacity: s.capacity,
    location: s.location,
    joinUrl: s.joinUrl,
    language: s.language,
    ...('seatsLeft' in s ? { booked: s.booked, waitlisted: s.waitlisted, seatsLeft: s.seatsLeft } : {}),
  };
}

export function bookingJson(b: TrainingBooking): Record<string, unknown> {
  return {
    id: b.id,
    caseId: b.caseId,
    moduleCode: b.module?.code,
    sessionId: b.sessionId,
    status: b.status,
    onBehalf: b.onBehalf,
    recommendationId: b.recommendationId,
    dueAt: b.dueAt,
    attendance: b.attendance,
    assessmentScore: b.assessmentScore,
    promotedAt: b.promotedAt,
    cancelledAt: b.cancelledAt,
    completedAt: b.completedAt,
    certificateCode: b.certificateCode,
    createdAt: b.createdAt,
  };
}
