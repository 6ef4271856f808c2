import { AuditLogService, type AuditContext } from '@app/audit-log';
import { CaseTimelineService } from '@app/case-timeline';
import { InvalidInputError, NotFoundError } from '@app/errors';
import { translator } from '@app/web';
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
  /** Why, in words: each answer given (or heading score) and the level below which this help is suggested. */
  because: string[];
  note: string | null;
  decidedAt: Date | null;
}

@Injectable()
export class RecommendationsService {
  private readonly measureTexts: Map<string, LocalisedText>;
  /** `kind:code:question-or-heading` → the answer (0–4) or heading score below which a rule suggests it. */
  private readonly thresholds = new Map<string, number>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: QuestionnaireCatalogue,
    @Inject(RECOMMENDATION_RULES) rules: RecommendationRulesFile,
    @Inject(TRAINING_TITLES) private readonly trainingTitles: ReadonlyMap<string, Partial<LocalisedText>>,
    private readonly timeline: CaseTimelineService,
    private readonly auditLog: AuditLogService,
  ) {
    this.measureTexts = new Map(rules.measures.map((m) => [m.code, m.text]));
    for (const rule of rules.rules) {
      const subject = rule.question ?? rule.heading;
      const below = rule.answerBelow ?? rule.headingBelow;
      if (subject === undefined || below === undefined) continue;
      for (const [kind, codes] of [
        ['measure', rule.measures],
        ['training', rule.training],
      ] as const)
        for (const code of codes ?? []) {
          const key = `${kind}:${code}:${subject}`;
          // The first rule that fires decides; a later, stricter one for the same pair adds nothing here.
          if (!this.thresholds.has(key)) this.thresholds.set(key, below);
        }
    }
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
        because: r.because.map((b) => this.becauseText(r.kind, r.code, b, language)),
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

  /**
   * Why, in the reader's words: the answer given (or the heading's score) and the level below which this
   * help is suggested, e.g. "You answered “A draft plan” to “An export plan exists”. This help is
   * suggested for answers below “A written plan”." The question alone would read as if it were the answer.
   */
  private becauseText(
    kind: 'measure' | 'training',
    code: string,
    b: { heading?: string; question?: string; value: number },
    language: Language,
  ): string {
    const t = translator(language);
    const threshold = this.thresholds.get(`${kind}:${code}:${b.question ?? b.heading ?? ''}`);
    for (const version of [...this.catalogue.allVersions].reverse()) {
      const q = this.catalogue.get(version);
      const found = b.question ? q.questionsById.get(b.question) : undefined;
      if (found) {
        const anchors = found.question.anchors;
        const values = {
          question: found.question.text[language],
          answer: anchors[b.value]?.[language] ?? String(b.value),
          threshold: threshold === undefined ? undefined : anchors[threshold]?.[language],
        };
        return t(values.threshold ? 'readiness.becauseAnswerBelow' : 'readiness.becauseAnswer', values);
      }
      const heading = q.headings.find((h) => h.code === b.heading);
      if (heading) {
        const values = { heading: heading.title[language], score: b.value, threshold };
        return t(threshold === undefined ? 'readiness.becauseScore' : 'readiness.becauseScoreBelow', values);
      }
    }
    return b.question ?? b.heading ?? '';
  }
}
