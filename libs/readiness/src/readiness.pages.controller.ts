import { CaseAccessService } from '@app/advisers';
import { AuditCtx, type AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { NotFoundError, type FieldError } from '@app/errors';
import { CurrentUser, type Actor } from '@app/identity';
import { type ErrorView, RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuditAccess, type CaseAudits } from './access/audit-access';
import type { ClassificationReason } from './domain/classification';
import { AddRecommendationDto, DecideRecommendationDto } from './dto/recommendation.dto';
import type { SaveAuditDto } from './dto/save-audit.dto';
import type { ReadinessAudit } from './entities/readiness-audit.entity';
import type { Questionnaire } from './questionnaire/questionnaire-catalogue';
import { ReadinessService } from './readiness.service';
import { RecommendationsService } from './recommendations.service';

type Language = 'en' | 'es' | 'de';
type Translate = (key: string, options?: Record<string, unknown>) => string;
const languageOf = (req: Request): Language =>
  ['en', 'es', 'de'].includes(String(req.lang)) ? (req.lang as Language) : 'en';

/**
 * Readiness pages. SMEs take the self-assessment one heading per page (in their language) and see their
 * results and recommendations; advisers run their audit the same way with an evidence note per answer,
 * see the score trend and accept, drop or add recommendations.
 */
@ApiExcludeController()
@Controller('cases/:id')
export class ReadinessPagesController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly audits: AuditAccess,
    private readonly uow: UnitOfWork,
    private readonly readiness: ReadinessService,
    private readonly recommendations: RecommendationsService,
  ) {}

  @Get('audits')
  async overview(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findVisibleCase(actor, id);
    await this.renderOverview(actor, id, req, res, 200);
  }

  /** Starts (or resumes) this person's audit and opens its first heading. */
  @Post('audits/start')
  async start(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { side: kind } = await this.audits.on(actor, 'act', id);
    const draft = await this.readiness.openDraft(id, kind);
    const version = this.readiness.currentQuestionnaire.version;
    const auditId =
      draft?.id ??
      (await this.uow.run(async (m) => {
        const base = kind === 'adviser' ? await this.latestSelfAssessment(id, version) : undefined;
        const created = await this.readiness.create(
          m,
          id,
          kind,
          { questionnaireVersion: version, baseAuditId: base },
          {
            language: languageOf(req),
            context,
          },
        );
        return created.audit.id;
      }));
    res.redirect(
      303,
      `/cases/${id}/audits/${auditId}/section/${this.readiness.questionnaireFor(draft?.questionnaireVersion ?? version).headings[0].code}`,
    );
  }

  @Get('audits/:auditId/section/:heading')
  async section(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Param('auditId', new RecordIdPipe('readiness_audit')) auditId: string,
    @Param('heading') heading: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { audit } = await this.editableAudit(actor, id, auditId);
    this.renderSection(actor, audit, heading, req, res, 200, audit);
  }

  @Post('audits/:auditId/section/:heading')
  async saveSection(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Param('auditId', new RecordIdPipe('readiness_audit')) auditId: string,
    @Param('heading') heading: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { audit, access } = await this.editableAudit(actor, id, auditId);
    const questionnaire = this.readiness.questionnaireFor(audit.questionnaireVersion);
    const index = questionnaire.headings.findIndex((h) => h.code === heading);
    if (index < 0) throw new NotFoundError('heading', heading);
    const t = res.locals.t as Translate;
    // Answers are 0-4 per question; an adviser also gives evidence for each.
    const answers: Record<string, number> = {};
    const evidence: Record<string, string> = {};
    const errors: FieldError[] = [];
    for (const q of questionnaire.headings[index].questions) {
      const raw = body[q.code];
      if (raw === undefined || raw === '')
        errors.push({
          field: q.code,
          message: t('readiness.errors.answerRequired', { question: q.text[languageOf(req)] }),
          code: 'required',
        });
      else if (!/^[0-4]$/.test(raw))
        errors.push({ field: q.code, message: t('readiness.errors.answerRange'), code: 'answerRange' });
      else answers[q.code] = Number(raw);
      if (audit.kind === 'adviser' && typeof body[`evidence-${q.code}`] === 'string')
        evidence[q.code] = body[`evidence-${q.code}`];
    }
    const next = questionnaire.headings[index + 1];
    await submitForm(res, {
      check: () => ({ value: { answers, evidence }, errors }),
      run: () => this.save(access, audit, { answers, evidence }, context),
      redirect: () =>
        next ? `/cases/${id}/audits/${auditId}/section/${next.code}` : `/cases/${id}/audits/${auditId}/check`,
      again: (status, view) => {
        const shown = {
          answers: { ...audit.answers, ...answers },
          evidence: { ...audit.evidence, ...evidence },
        };
        this.renderSection(actor, audit, heading, req, res, status, shown, view, body);
      },
      errors: { translations: 'readiness' },
    });
  }

  @Get('audits/:auditId/check')
  async check(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Param('auditId', new RecordIdPipe('readiness_audit')) auditId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { audit } = await this.editableAudit(actor, id, auditId);
    this.renderCheck(actor, audit, req, res, 200);
  }

  @Post('audits/:auditId/submit')
  async submit(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Param('auditId', new RecordIdPipe('readiness_audit')) auditId: string,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { audit, access } = await this.editableAudit(actor, id, auditId);
    const lang = languageOf(req);
    const t = res.locals.t as Translate;
    const questions = this.readiness.questionnaireFor(audit.questionnaireVersion).questionsById;
    const rowOf = (field: string): string => field.replace(/^answers\./, '');
    await submitForm(res, {
      value: {},
      run: () => this.save(access, audit, { submit: true }, context),
      redirect: () => `/cases/${id}/audits/${auditId}`,
      again: (status, errors) => this.renderCheck(actor, audit, req, res, status, errors),
      // Unanswered questions link to their row of the check page, named in the reader's language.
      errors: {
        translations: 'readiness',
        href: (field) => `#row-${rowOf(field)}`,
        refusal: (error) =>
          error.fields.map((e) => ({
            ...e,
            message: t('readiness.errors.answerMissing', {
              question: questions.get(rowOf(e.field))?.question.text[lang] ?? e.field,
            }),
          })),
      },
    });
  }

  /** Results: scores per heading with the change since last time, the stage and why, and recommendations. */
  @Get('audits/:auditId')
  async results(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Param('auditId', new RecordIdPipe('readiness_audit')) auditId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const access = await this.audits.on(actor, 'see', id);
    const { audit, comparison } = await this.readiness.get(id, auditId, access, { actorId: actor.id });
    if (audit.status !== 'submitted') return res.redirect(303, `/cases/${id}/audits/${auditId}/check`);
    const lang = languageOf(req);
    const t = res.locals.t as Translate;
    const questionnaire = this.readiness.questionnaireFor(audit.questionnaireVersion);
    const recommendations = await this.recommendations.list(id, lang, { includeDropped: false });
    res.render('readiness/results', {
      caseId: id,
      audit,
      staffPage: actor.role !== 'sme',
      headings: comparison.map((c) => ({ ...c, title: this.headingTitle(questionnaire, c.heading, lang) })),
      reasons: (audit.classification?.reasons ?? []).map((r) => this.reasonText(r, t, questionnaire, lang)),
      recommendations,
      questions: questionnaire.headings.map((h) => ({
        title: h.title[lang],
        rows: h.questions.map((q) => ({
          text: q.text[lang],
          answer: audit.answers[q.code],
          anchor: q.anchors[audit.answers[q.code]]?.[lang],
          evidence: audit.evidence[q.code],
        })),
      })),
    });
  }

  @Post('recommendations')
  async addRecommendation(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    const [kind, code] = (body.option ?? '').split(':');
    await submitForm(res, {
      dto: AddRecommendationDto,
      fields: { kind, code, note: body.note ?? '' },
      run: (value) => this.uow.run((m) => this.recommendations.add(m, id, value, context)),
      redirect: () => `/cases/${id}/audits#recommendations`,
      again: (status, errors) => this.renderOverview(actor, id, req, res, status, errors, body),
      errors: { translations: 'readiness' },
    });
  }

  @Post('recommendations/:recommendationId')
  async decideRecommendation(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('case')) id: string,
    @Param('recommendationId', new RecordIdPipe('recommendation')) recommendationId: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    await submitForm(res, {
      dto: DecideRecommendationDto,
      fields: body.note ? { decision: body.decision, note: body.note } : { decision: body.decision },
      run: (value) =>
        this.uow.run((m) => this.recommendations.decide(m, id, recommendationId, value, context)),
      redirect: () => `/cases/${id}/audits#recommendations`,
      again: (status, errors) => this.renderOverview(actor, id, req, res, status, errors),
      errors: { translations: 'readiness' },
    });
  }

  private async renderOverview(
    actor: Actor,
    id: string,
    req: Request,
    res: Response,
    status: number,
    errors?: ErrorView,
    values: Record<string, string> = {},
  ): Promise<void> {
    const lang = languageOf(req);
    const access = await this.audits.on(actor, 'see', id);
    const { audits, trend } = await this.readiness.list(id, access);
    const staff = actor.role !== 'sme';
    const canWork = staff && this.access.mayWork(actor, access.facts.case);
    const ownKind = access.side;
    res.status(status).render('readiness/overview', {
      caseId: id,
      staffPage: staff,
      canStart: staff ? canWork : true,
      hasDraft: audits.some((a) => a.status === 'draft' && a.kind === ownKind),
      audits,
      trend,
      recommendations: await this.recommendations.list(id, lang, { includeDropped: staff }),
      canWork,
      options: canWork ? this.recommendations.options(lang) : [],
      values,
      ...errors,
    });
  }

  /** One heading's questions, with what is answered (or was just typed) and any errors. */
  private renderSection(
    actor: Actor,
    audit: ReadinessAudit,
    heading: string,
    req: Request,
    res: Response,
    status: number,
    shown: Pick<ReadinessAudit, 'answers' | 'evidence'>,
    errors?: ErrorView,
    posted: Record<string, string> = {},
  ): void {
    const lang = languageOf(req);
    const questionnaire = this.readiness.questionnaireFor(audit.questionnaireVersion);
    const index = questionnaire.headings.findIndex((h) => h.code === heading);
    if (index < 0) throw new NotFoundError('heading', heading);
    const current = questionnaire.headings[index];
    const answered = (code: string): string | undefined =>
      posted[code] ?? (shown.answers[code] === undefined ? undefined : String(shown.answers[code]));
    res.status(status).render('readiness/section', {
      caseId: audit.caseId,
      audit,
      staffPage: actor.role !== 'sme',
      headingTitle: current.title[lang],
      step: index + 1,
      steps: questionnaire.headings.length,
      action: `/cases/${audit.caseId}/audits/${audit.id}/section/${current.code}`,
      back:
        index > 0
          ? `/cases/${audit.caseId}/audits/${audit.id}/section/${questionnaire.headings[index - 1].code}`
          : `/cases/${audit.caseId}/audits`,
      withEvidence: audit.kind === 'adviser',
      questions: current.questions.map((q) => ({
        code: q.code,
        text: q.text[lang],
        evidence: posted[`evidence-${q.code}`] ?? shown.evidence[q.code] ?? '',
        items: q.anchors.map((anchor, point) => ({
          value: String(point),
          text: String(point),
          hint: { text: anchor[lang] },
          checked: answered(q.code) === String(point),
        })),
      })),
      ...errors,
    });
  }

  private renderCheck(
    actor: Actor,
    audit: ReadinessAudit,
    req: Request,
    res: Response,
    status: number,
    errors?: ErrorView,
  ): void {
    const lang = languageOf(req);
    const questionnaire = this.readiness.questionnaireFor(audit.questionnaireVersion);
    res.status(status).render('readiness/check', {
      caseId: audit.caseId,
      audit,
      staffPage: actor.role !== 'sme',
      sections: questionnaire.headings.map((h) => ({
        title: h.title[lang],
        href: `/cases/${audit.caseId}/audits/${audit.id}/section/${h.code}`,
        rows: h.questions.map((q) => ({
          code: q.code,
          text: q.text[lang],
          answer: audit.answers[q.code],
          anchor: audit.answers[q.code] === undefined ? null : q.anchors[audit.answers[q.code]][lang],
        })),
      })),
      complete: questionnaire.questionCodes.every((code) => audit.answers[code] !== undefined),
      ...errors,
    });
  }

  /** Saves answers to an audit, or submits it, on the questionnaire version it was started on. */
  private save(
    access: CaseAudits,
    audit: ReadinessAudit,
    changes: Omit<SaveAuditDto, 'questionnaireVersion'>,
    context: AuditContext,
  ) {
    const dto = { questionnaireVersion: audit.questionnaireVersion, ...changes };
    return this.uow.run((m) => this.readiness.update(m, audit.caseId, audit.id, access, dto, context));
  }

  /** Only the audit's own side edits it: the SME its self-assessment, staff working the case their audit. */
  private async editableAudit(
    actor: Actor,
    caseId: string,
    auditId: string,
  ): Promise<{ audit: ReadinessAudit; access: CaseAudits }> {
    const access = await this.audits.on(actor, 'act', caseId);
    const audit = await this.readiness.editable(caseId, auditId, access, { actorId: actor.id });
    return { audit, access };
  }

  private async latestSelfAssessment(caseId: string, version: number): Promise<string | undefined> {
    const { audits } = await this.readiness.list(caseId);
    return audits.find(
      (a) => a.kind === 'self' && a.status === 'submitted' && a.questionnaireVersion === version,
    )?.id;
  }

  private headingTitle(questionnaire: Questionnaire, code: string, lang: Language): string {
    return questionnaire.headings.find((h) => h.code === code)?.title[lang] ?? code;
  }

  /** A reason in words: stage and heading codes in its values become their names in the reader's language. */
  private reasonText(
    reason: ClassificationReason,
    t: Translate,
    questionnaire: Questionnaire,
    lang: Language,
  ): string {
    const params: Record<string, unknown> = { ...reason.params };
    if (typeof params.markets === 'number') params.count = params.markets; // its plural form
    for (const key of ['stage', 'behaviour', 'score'])
      if (typeof params[key] === 'string') params[key] = t(`progress.stages.${String(params[key])}`);
    if (typeof params.heading === 'string')
      params.heading = this.headingTitle(questionnaire, params.heading, lang);
    return t(`readiness.reasons.${reason.code}`, params);
  }
}
