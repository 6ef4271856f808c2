import { CaseAccessService } from '@app/advisers';
import { AuditCtx, type AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { DomainError, NotFoundError, type FieldError } from '@app/errors';
import { csrfTokenFor, CurrentUser, type Actor } from '@app/identity';
import { translatedErrorView } from '@app/progress';
import { validateForm } from '@app/web';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { ClassificationReason } from './domain/classification';
import { AddRecommendationDto, DecideRecommendationDto } from './dto/recommendation.dto';
import type { AuditKind, ReadinessAudit } from './entities/readiness-audit.entity';
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
    private readonly uow: UnitOfWork,
    private readonly readiness: ReadinessService,
    private readonly recommendations: RecommendationsService,
  ) {}

  @Get('audits')
  async overview(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findVisibleCase(actor, id);
    await this.renderOverview(actor, id, req, res, 200, []);
  }

  /** Starts (or resumes) this person's audit and opens its first heading. */
  @Post('audits/start')
  async start(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const kind = await this.authorise(actor, id);
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
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('auditId', new ParseUUIDPipe()) auditId: string,
    @Param('heading') heading: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const audit = await this.editableAudit(actor, id, auditId);
    this.renderSection(actor, audit, heading, req, res, 200, audit.answers, audit.evidence, []);
  }

  @Post('audits/:auditId/section/:heading')
  async saveSection(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('auditId', new ParseUUIDPipe()) auditId: string,
    @Param('heading') heading: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const audit = await this.editableAudit(actor, id, auditId);
    const questionnaire = this.readiness.questionnaireFor(audit.questionnaireVersion);
    const index = questionnaire.headings.findIndex((h) => h.code === heading);
    if (index < 0) throw new NotFoundError('heading', heading);
    const answers: Record<string, number> = {};
    const evidence: Record<string, string> = {};
    const problems: FieldError[] = [];
    const t = res.locals.t as Translate;
    for (const q of questionnaire.headings[index].questions) {
      const raw = body[q.code];
      if (raw === undefined || raw === '')
        problems.push({
          field: q.code,
          message: t('readiness.errors.answerRequired', { question: q.text[languageOf(req)] }),
          code: 'required',
        });
      else if (!/^[0-4]$/.test(raw))
        problems.push({ field: q.code, message: t('readiness.errors.answerRange'), code: 'answerRange' });
      else answers[q.code] = Number(raw);
      if (audit.kind === 'adviser' && typeof body[`evidence-${q.code}`] === 'string')
        evidence[q.code] = body[`evidence-${q.code}`];
    }
    if (problems.length)
      return this.renderSection(
        actor,
        audit,
        heading,
        req,
        res,
        400,
        { ...audit.answers, ...answers },
        { ...audit.evidence, ...evidence },
        problems,
        body,
      );
    await this.uow.run((m) =>
      this.readiness.update(
        m,
        id,
        auditId,
        audit.kind,
        { questionnaireVersion: audit.questionnaireVersion, answers, evidence },
        context,
      ),
    );
    const next = questionnaire.headings[index + 1];
    res.redirect(
      303,
      next ? `/cases/${id}/audits/${auditId}/section/${next.code}` : `/cases/${id}/audits/${auditId}/check`,
    );
  }

  @Get('audits/:auditId/check')
  async check(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('auditId', new ParseUUIDPipe()) auditId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const audit = await this.editableAudit(actor, id, auditId);
    this.renderCheck(actor, audit, req, res, 200, []);
  }

  @Post('audits/:auditId/submit')
  async submit(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('auditId', new ParseUUIDPipe()) auditId: string,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const audit = await this.editableAudit(actor, id, auditId);
    try {
      await this.uow.run((m) =>
        this.readiness.update(
          m,
          id,
          auditId,
          audit.kind,
          { questionnaireVersion: audit.questionnaireVersion, submit: true },
          context,
        ),
      );
    } catch (error) {
      if (error instanceof DomainError && error.fields.length)
        return this.renderCheck(actor, audit, req, res, error.status, [...error.fields]);
      throw error;
    }
    res.redirect(303, `/cases/${id}/audits/${auditId}`);
  }

  /** Results: scores per heading with the change since last time, the stage and why, and recommendations. */
  @Get('audits/:auditId')
  async results(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('auditId', new ParseUUIDPipe()) auditId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findVisibleCase(actor, id);
    const { audit, comparison } = await this.readiness.get(id, auditId);
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
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    const [kind, code] = (body.option ?? '').split(':');
    const { value, errors } = await validateForm(AddRecommendationDto, { kind, code, note: body.note ?? '' });
    if (errors.length) return this.renderOverview(actor, id, req, res, 400, errors, body);
    try {
      await this.uow.run((m) => this.recommendations.add(m, id, value, context));
    } catch (error) {
      if (error instanceof DomainError && error.fields.length)
        return this.renderOverview(actor, id, req, res, error.status, [...error.fields], body);
      throw error;
    }
    res.redirect(303, `/cases/${id}/audits#recommendations`);
  }

  @Post('recommendations/:recommendationId')
  async decideRecommendation(
    @CurrentUser() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('recommendationId', new ParseUUIDPipe()) recommendationId: string,
    @Body() body: Record<string, string>,
    @AuditCtx() context: AuditContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.access.findWorkableCase(actor, id);
    const fields: Record<string, unknown> = { decision: body.decision };
    if (body.note) fields.note = body.note;
    const { value, errors } = await validateForm(DecideRecommendationDto, fields);
    if (errors.length) return this.renderOverview(actor, id, req, res, 400, errors);
    await this.uow.run((m) => this.recommendations.decide(m, id, recommendationId, value, context));
    res.redirect(303, `/cases/${id}/audits#recommendations`);
  }

  private async renderOverview(
    actor: Actor,
    id: string,
    req: Request,
    res: Response,
    status: number,
    errors: FieldError[],
    values: Record<string, string> = {},
  ): Promise<void> {
    const lang = languageOf(req);
    const t = res.locals.t as Translate;
    const { audits, trend } = await this.readiness.list(id);
    const staff = actor.role !== 'sme';
    const canWork = staff && this.access.mayWork(actor, await this.access.findVisibleCase(actor, id));
    const ownKind: AuditKind = staff ? 'adviser' : 'self';
    const view = translatedErrorView(errors, t, 'readiness');
    res.status(status).render('readiness/overview', {
      caseId: id,
      staffPage: staff,
      canStart: staff ? canWork : true,
      hasDraft: audits.some((a) => a.status === 'draft' && a.kind === ownKind),
      audits: audits.filter((a) => staff || a.kind === 'self' || a.status === 'submitted'),
      trend,
      recommendations: await this.recommendations.list(id, lang, { includeDropped: staff }),
      canWork,
      options: canWork ? this.recommendations.options() : [],
      csrfToken: csrfTokenFor(req),
      values,
      ...view,
    });
  }

  private renderSection(
    actor: Actor,
    audit: ReadinessAudit,
    heading: string,
    req: Request,
    res: Response,
    status: number,
    answers: Record<string, number>,
    evidence: Record<string, string>,
    errors: FieldError[],
    posted: Record<string, string> = {},
  ): void {
    const lang = languageOf(req);
    const questionnaire = this.readiness.questionnaireFor(audit.questionnaireVersion);
    const index = questionnaire.headings.findIndex((h) => h.code === heading);
    if (index < 0) throw new NotFoundError('heading', heading);
    const current = questionnaire.headings[index];
    const view = translatedErrorView(errors, res.locals.t as Translate, 'readiness');
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
        evidence: posted[`evidence-${q.code}`] ?? evidence[q.code] ?? '',
        items: q.anchors.map((anchor, point) => ({
          value: String(point),
          text: String(point),
          hint: { text: anchor[lang] },
          checked:
            (posted[q.code] ?? (answers[q.code] === undefined ? undefined : String(answers[q.code]))) ===
            String(point),
        })),
      })),
      csrfToken: csrfTokenFor(req),
      ...view,
    });
  }

  private renderCheck(
    actor: Actor,
    audit: ReadinessAudit,
    req: Request,
    res: Response,
    status: number,
    errors: FieldError[],
  ): void {
    const lang = languageOf(req);
    const t = res.locals.t as Translate;
    const questionnaire = this.readiness.questionnaireFor(audit.questionnaireVersion);
    const view = translatedErrorView(
      errors.map((e) => ({
        ...e,
        message: t('readiness.errors.answerMissing', {
          question:
            questionnaire.questionsById.get(e.field.replace(/^answers\./, ''))?.question.text[lang] ??
            e.field,
        }),
      })),
      t,
      'readiness',
    );
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
      csrfToken: csrfTokenFor(req),
      ...view,
      errorSummary: view.errorSummary.map((e) => ({
        ...e,
        href: `#row-${e.href.replace(/^#answers\./, '')}`,
      })),
    });
  }

  /** Only the audit's own side edits it: the SME its self-assessment, staff working the case their audit. */
  private async editableAudit(actor: Actor, caseId: string, auditId: string): Promise<ReadinessAudit> {
    const kind = await this.authorise(actor, caseId);
    return this.readiness.editable(caseId, auditId, kind, { actorId: actor.id });
  }

  private async authorise(actor: Actor, caseId: string): Promise<AuditKind> {
    if (actor.role === 'sme') {
      await this.access.findVisibleCase(actor, caseId);
      return 'self';
    }
    await this.access.findWorkableCase(actor, caseId);
    return 'adviser';
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
    for (const key of ['stage', 'behaviour', 'score'])
      if (typeof params[key] === 'string') params[key] = t(`progress.stages.${String(params[key])}`);
    if (typeof params.heading === 'string')
      params.heading = this.headingTitle(questionnaire, params.heading, lang);
    return t(`readiness.reasons.${reason.code}`, params);
  }
}
