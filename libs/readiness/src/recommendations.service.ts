import { AuditLogService, type AuditContext } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { InvalidInputError, NotFoundError } from '@app/errors';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import type { AddRecommendationDto, DecideRecommendationDto } from './dto/recommendation.dto';
import { ReadinessRecommendation } from './entities/readiness-recommendation.entity';
import type { LocalisedText } from './questionnaire/questionnaire.file';
import { QuestionnaireCatalogue } from './questionnaire/questionnaire-catalogue';
import { RECOMMENDATION_RULES, TRAINING_TITLES } from './readiness.tokens';
import type { RecommendationRulesFile } from './rules/recommendation-rules.file';

type Language = 'en' | 'es' | 'de';

/** A recommendation with the plain-language text the SME reads, in one language. */
export interface RecommendationView {
  id: string;
  kind: 'measure' | 'training';
  code: string;
  origin: 'rule' | 'adviser';
  status: string;
  text: string;
  /** Why, in words: the weak headings and questions. */
  because: string[];
  note: string | null;
  decidedAt: Date | null;
}

@Injectable()
export class RecommendationsService {
  private readonly measureTexts: Map<string, LocalisedText>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
    @Inject(RECOMMENDATION_RULES) rules: RecommendationRulesFile,
    @Inject(TRAINING_TITLES) private readonly trainingTitles: ReadonlyMap<string, Partial<LocalisedText>>,
    private readonly timeline: CaseTimelineService,
    private readonly auditLog: AuditLogService,
  ) {
    this.measureTexts = new Map(rules.measures.map((m) => [m.code, m.text]));
  }

  /** Current recommendations (not superseded), newest first; SMEs are not shown dropped ones. */
  async list(
    caseId: string,
    language: Language,
    options: { includeDropped: boolean },
  ): Promise<RecommendationView[]> {
    const rows = await this.dataSource.getRepository(ReadinessRecommendation).find({
      where: { caseId, status: Not('superseded') },
      order: { createdAt: 'ASC', kind: 'ASC', code: 'ASC' },
    });
    return rows
      .filter((r) => options.includeDropped || r.status !== 'dropped')
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        code: r.code,
        origin: r.origin,
        status: r.status,
        text: this.textOf(r.kind, r.code, language),
        because: r.because.map((b) => this.becauseText(b, language)),
        note: r.note,
        decidedAt: r.decidedAt,
      }));
  }

  async decide(
    manager: EntityManager,
    caseId: string,
    id: string,
    dto: DecideRecommendationDto,
    context: AuditContext,
  ): Promise<ReadinessRecommendation> {
    const repo = manager.getRepository(ReadinessRecommendation);
    const found = await repo.findOne({ where: { id, caseId }, lock: { mode: 'pessimistic_write' } });
    if (!found || found.status === 'superseded') throw new NotFoundError('recommendation', id);
    const before = { status: found.status, note: found.note };
    found.status = dto.decision;
    found.note = dto.note?.trim() || found.note;
    found.decidedById = context.actorId;
    found.decidedAt = new Date();
    await repo.save(found);
    await this.auditLog.record(manager, {
      action: `recommendation.${dto.decision}`,
      entityType: 'recommendation',
      entityId: found.id,
      before,
      after: { status: found.status, note: found.note },
      context,
    });
    await this.timeline.record(manager, {
      caseId,
      kind: 'recommendation.decided',
      actorId: context.actorId,
      data: { code: found.code, kind: found.kind, decision: dto.decision },
      refType: 'recommendation',
      refId: found.id,
    });
    return found;
  }

  async add(
    manager: EntityManager,
    caseId: string,
    dto: AddRecommendationDto,
    context: AuditContext,
  ): Promise<ReadinessRecommendation> {
    const known =
      dto.kind === 'measure' ? this.measureTexts.has(dto.code) : this.trainingTitles.has(dto.code);
    if (!known)
      throw new InvalidInputError([
        { field: 'code', message: `${dto.code} is not a known ${dto.kind}`, code: 'unknownCode' },
      ]);
    const repo = manager.getRepository(ReadinessRecommendation);
    const existing = await repo.findOne({
      where: { caseId, kind: dto.kind, code: dto.code, status: Not('superseded') },
    });
    if (existing && existing.status !== 'dropped')
      throw new InvalidInputError([
        { field: 'code', message: 'this is already recommended', code: 'duplicate' },
      ]);
    const saved = await repo.save(
      repo.create({
        caseId,
        auditId: null,
        kind: dto.kind,
        code: dto.code,
        origin: 'adviser',
        status: 'accepted',
        because: [],
        note: dto.note.trim(),
        decidedById: context.actorId,
        decidedAt: new Date(),
      }),
    );
    await this.auditLog.record(manager, {
      action: 'recommendation.added',
      entityType: 'recommendation',
      entityId: saved.id,
      before: null,
      after: { caseId, kind: saved.kind, code: saved.code, note: saved.note },
      context,
    });
    await this.timeline.record(manager, {
      caseId,
      kind: 'recommendation.decided',
      actorId: context.actorId,
      data: { code: saved.code, kind: saved.kind, decision: 'added' },
      refType: 'recommendation',
      refId: saved.id,
    });
    return saved;
  }

  /** Codes an adviser may add, with their text in the page's language, for the staff form. */
  options(language: Language = 'en'): { kind: 'measure' | 'training'; code: string; text: string }[] {
    return [
      ...[...this.measureTexts.keys()].map((code) => ({
        kind: 'measure' as const,
        code,
        text: this.textOf('measure', code, language),
      })),
      ...[...this.trainingTitles.keys()].map((code) => ({
        kind: 'training' as const,
        code,
        text: this.textOf('training', code, language),
      })),
    ];
  }

  private textOf(kind: 'measure' | 'training', code: string, language: Language): string {
    const text = kind === 'measure' ? this.measureTexts.get(code) : this.trainingTitles.get(code);
    return text?.[language] ?? text?.en ?? code;
  }

  private becauseText(b: { heading?: string; question?: string; value: number }, language: Language): string {
    for (const version of this.catalogue.allVersions.reverse()) {
      const q = this.catalogue.get(version);
      if (b.question && q.questionsById.has(b.question))
        return q.questionsById.get(b.question)?.question.text[language] ?? b.question;
      const heading = q.headings.find((h) => h.code === b.heading);
      if (heading) return heading.title[language];
    }
    return b.question ?? b.heading ?? '';
  }
}
