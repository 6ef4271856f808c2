import { AuditContext, AuditCtx } from '@app/audit-log';
import { EnrolmentRules } from '@app/enrolment';
import { Roles } from '@app/identity';
import { type ErrorView, pageErrors, RecordIdPipe, submitForm, validateForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { EXPERT_LANGUAGES, EXPERTISE_HEADINGS } from '../domain/expertise';
import { CreateExpertDto, ExpertsQueryDto, UpdateExpertDto } from '../dto/expert.dto';
import { ExpertsService, type ExpertView } from '../experts/experts.service';

const ERRORS = { translations: 'network' };
const NOTICES = ['created', 'saved'] as const;

/**
 * Officers' and admins' pages of the experts directory: the list with its filters, and one form to add an
 * expert or correct one (the hidden version field: two people cannot silently overwrite each other). The
 * same service as /api/v1/experts, so the same rules and audit rows.
 */
@ApiExcludeController()
@Roles('officer', 'admin')
@Controller('experts')
export class ExpertsPagesController {
  constructor(
    private readonly experts: ExpertsService,
    private readonly enrolmentRules: EnrolmentRules,
  ) {}

  @Get()
  async list(@Query() raw: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const filters = {
      q: text(raw.q),
      heading: text(raw.heading),
      market: text(raw.market),
      language: text(raw.language),
    };
    const { value, errors } = await validateForm(
      ExpertsQueryDto,
      Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')),
    );
    const notice = NOTICES.find((n) => n === raw.notice);
    res.status(errors.length ? 400 : 200).render('network/experts', {
      staffPage: true,
      experts: errors.length ? [] : await this.experts.list(value),
      filters,
      filtered: Object.values(filters).some(Boolean),
      headings: EXPERTISE_HEADINGS,
      languages: EXPERT_LANGUAGES,
      notice,
      ...(errors.length ? pageErrors(res, errors, ERRORS) : { errorSummary: [], fieldErrors: {} }),
    });
  }

  @Get('new')
  newPage(@Res() res: Response): void {
    this.renderForm(
      res,
      null,
      { languages: [], expertise: [], supportMeasures: [], consentToContact: 'false' },
      200,
    );
  }

  @Post('new')
  async create(
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(res, {
      dto: CreateExpertDto,
      fields: formFields(body),
      run: (value) => this.experts.create(value, context),
      redirect: () => `/experts?notice=created`,
      again: (status, errors) => this.renderForm(res, null, body, status, errors),
      errors: ERRORS,
    });
  }

  @Get(':id')
  async editPage(
    @Param('id', new RecordIdPipe('expert')) id: string,
    @Query('notice') notice: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const expert = await this.experts.get(id);
    this.renderForm(res, expert, formValues(expert), 200, undefined, notice === 'invited');
  }

  @Post(':id')
  async update(
    @Param('id', new RecordIdPipe('expert')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const expert = await this.experts.get(id);
    await submitForm(res, {
      dto: UpdateExpertDto,
      fields: formFields(body),
      run: ({ version, ...change }) => this.experts.update(id, change, version, context),
      redirect: () => `/experts?notice=saved`,
      again: async (status, errors) => {
        // A stale form shows what is stored now, with the current version to save over it knowingly.
        const current = status === 409 ? await this.experts.get(id) : expert;
        this.renderForm(res, current, status === 409 ? formValues(current) : body, status, errors);
      },
      errors: ERRORS,
    });
  }

  private renderForm(
    res: Response,
    expert: ExpertView | null,
    values: Record<string, unknown>,
    status: number,
    errors?: ErrorView,
    invited = false,
  ): void {
    res.status(status).render('network/expert', {
      staffPage: true,
      expert,
      invited,
      values,
      headings: EXPERTISE_HEADINGS,
      languages: EXPERT_LANGUAGES,
      supportMeasures: this.enrolmentRules.supportMeasures.map((m) => m.code),
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Unticked checkbox groups send nothing: that is an empty list, not a missing field. */
export function formFields(body: Record<string, unknown>): Record<string, unknown> {
  return {
    ...body,
    languages: body.languages ?? [],
    expertise: body.expertise ?? [],
    supportMeasures: body.supportMeasures ?? [],
    consentToContact: body.consentToContact ?? 'false',
  };
}

/** A profile as the form shows it (the expert's own profile page too). */
export function formValues(expert: ExpertView): Record<string, unknown> {
  return {
    ...expert,
    markets: expert.markets.join(', '),
    naceSections: expert.naceSections.join(', '),
    active: String(expert.active),
    consentToContact: String(expert.consentToContact),
    phone: expert.phone ?? '',
    absentFrom: expert.absentFrom ?? '',
    absentTo: expert.absentTo ?? '',
  };
}
