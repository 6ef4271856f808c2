import { AuditContext, AuditCtx } from '@app/audit-log';
import { Actor, CurrentUser, Roles } from '@app/identity';
import { type ErrorView, type FormSubmission, pageErrors, submitForm, validateForm } from '@app/web';
import { Body, Controller, Get, Param, PipeTransform, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RecordIdPipe } from '@app/web';
import { CompaniesService, type CompanyView, type ContactView } from '../companies/companies.service';
import { CompanyProspects } from '../companies/company-prospects';
import {
  ActivityQueryDto,
  CompanySearchQueryDto,
  CreateProspectDto,
  UpdateCompanyDto,
  UpdateContactDto,
} from '../dto/company.dto';
import { CONTACT_LANGUAGES } from '../entities/company-contact.entity';
import { PROSPECT_SOURCES } from '../entities/company.entity';
import { EnrolmentRules } from '../rules/enrolment-rules';

/** The contact a route names, or null on the "new contact" route (which has no `:contactId`). */
const OPTIONAL_CONTACT_ID: PipeTransform<string | undefined, string | null> = {
  transform: (value) => (value === undefined ? null : new RecordIdPipe('company_contact').transform(value)),
};

const NOTICES = new Set([
  'corrected',
  'contact_added',
  'contact_saved',
  'contact_archived',
  'prospect_recorded',
]);

/** Checkbox fields of the contact form: ticked sends "true", unticked sends nothing. */
function contactForm(body: Record<string, unknown>): Record<string, unknown> {
  const { _csrf: _token, ...rest } = body;
  return {
    ...rest,
    jobRole: rest.jobRole === '' ? null : rest.jobRole,
    phone: rest.phone === '' ? null : rest.phone,
    isPrimary: rest.isPrimary === 'true',
    consentToContact: rest.consentToContact === 'true',
  };
}

/** Text fields left empty on a form clear the value (optional fields) or are simply not sent. */
function companyFields(body: Record<string, unknown>): Record<string, unknown> {
  const { _csrf: _token, ...rest } = body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (value === '' && ['tradingName', 'vatNumber', 'postcode', 'website'].includes(key)) out[key] = null;
    else if (value !== '') out[key] = value;
  }
  return out;
}

/**
 * Staff pages of the company record: search, the company page (identity, contacts, cases, activity),
 * corrections, contacts, and recording a company staff met. Officers and advisers; records an adviser may
 * not see are 404.
 */
@ApiExcludeController()
@Roles('adviser', 'officer')
@Controller('companies')
export class CompaniesPagesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly prospects: CompanyProspects,
    private readonly rules: EnrolmentRules,
  ) {}

  @Get()
  async searchPage(
    @CurrentUser() actor: Actor,
    @Query() raw: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    // Without a term the list is every company the actor may see, by name: browsing is a search too.
    const searching = typeof raw.q === 'string' || typeof raw.region === 'string';
    const query = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
    const { value, errors } = await validateForm(CompanySearchQueryDto, query);
    const result = errors.length
      ? { items: [], nextCursor: undefined }
      : await this.companies.search(actor, value);
    const base = new URLSearchParams();
    for (const k of ['q', 'region']) if (typeof query[k] === 'string') base.set(k, query[k] as string);
    res.status(errors.length ? 400 : 200).render('enrolment/companies', {
      pageTitle: res.locals.t('companies.search.title'),
      staffPage: true,
      searching,
      query: raw,
      regions: this.rules.regions,
      items: result.items,
      next: result.nextCursor
        ? `/companies?${new URLSearchParams([...base, ['cursor', result.nextCursor]])}`
        : null,
      ...pageErrors(res, errors, { translations: 'companies' }),
    });
  }

  @Get('new')
  newProspectPage(@Res() res: Response): void {
    this.renderProspect(res, { contact: { preferredLanguage: 'en' }, registrationCountry: 'GB' }, 200);
  }

  @Post('new')
  async createProspect(
    @CurrentUser() actor: Actor,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    const fields = companyFields(body);
    const contact = contactForm({
      name: body.contactName,
      jobRole: body.contactJobRole,
      email: body.contactEmail,
      phone: body.contactPhone,
      preferredLanguage: body.contactLanguage,
      isPrimary: 'true',
      consentToContact: body.contactConsent,
    });
    for (const k of Object.keys(fields)) if (k.startsWith('contact')) delete fields[k];
    await submitForm(res, {
      dto: CreateProspectDto,
      fields: { ...fields, contact },
      run: (value) => this.prospects.create(actor, value, context),
      redirect: (result) => `/companies/${result.companyId}?notice=prospect_recorded`,
      again: (status, errors) => this.renderProspect(res, body, status, errors),
      errors: {
        translations: 'companies',
        fieldId: (field) =>
          field.startsWith('contact.')
            ? `contact${field.slice(8, 9).toUpperCase()}${field.slice(9)}`.replace(
                'contactPreferredLanguage',
                'contactLanguage',
              )
            : field,
      },
    });
  }

  @Get(':id')
  async companyPage(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Query() raw: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const company = await this.companies.get(actor, id);
    const { value, errors } = await validateForm(
      ActivityQueryDto,
      typeof raw.cursor === 'string' ? { cursor: raw.cursor } : {},
    );
    const activity = errors.length ? { items: [] } : await this.companies.activity(actor, id, value);
    res.status(errors.length ? 400 : 200).render('enrolment/company-record', {
      pageTitle: company.legalName,
      staffPage: true,
      company,
      mayWork: await this.companies.mayWork(actor, id),
      activity,
      olderLink: activity.nextCursor
        ? `/companies/${id}?cursor=${encodeURIComponent(activity.nextCursor)}`
        : null,
      firstPage: raw.cursor ? `/companies/${id}` : null,
      notice: typeof raw.notice === 'string' && NOTICES.has(raw.notice) ? raw.notice : undefined,
      ...pageErrors(res, errors, { translations: 'companies' }),
    });
  }

  @Get(':id/edit')
  async editPage(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const company = await this.workable(actor, id);
    this.renderEdit(res, company, { ...company, employees: String(company.employees) }, 200);
  }

  @Post(':id/edit')
  async edit(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.companyForm<UpdateCompanyDto, CompanyView>(actor, id, res, (company) => ({
      dto: UpdateCompanyDto,
      fields: companyFields(body),
      run: ({ version, ...change }) => this.companies.update(actor, id, change, version, context),
      redirect: () => `/companies/${id}?notice=corrected`,
      again: (status, errors) => this.renderEdit(res, company, body, status, errors),
    }));
  }

  /** The contact form: a new contact (`…/contacts/new`) or one to change (`…/contacts/:contactId/edit`). */
  @Get([':id/contacts/new', ':id/contacts/:contactId/edit'])
  async contactPage(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Param('contactId', OPTIONAL_CONTACT_ID) contactId: string | null,
    @Res() res: Response,
  ): Promise<void> {
    const company = await this.workable(actor, id);
    const values = contactId
      ? { ...(await this.companies.contact(actor, id, contactId)) }
      : { preferredLanguage: 'en' };
    this.renderContact(res, company, contactId, values, 200);
  }

  @Post([':id/contacts/new', ':id/contacts/:contactId/edit'])
  async saveContact(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Param('contactId', OPTIONAL_CONTACT_ID) contactId: string | null,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.companyForm<UpdateContactDto, ContactView>(actor, id, res, (company) => ({
      dto: UpdateContactDto,
      fields: contactForm(body),
      run: ({ version, ...input }) =>
        contactId
          ? this.companies.editContact(actor, id, contactId, input, version, context)
          : this.companies.addContact(actor, id, input, context),
      redirect: () => `/companies/${id}?notice=${contactId ? 'contact_saved' : 'contact_added'}`,
      again: (status, errors) => this.renderContact(res, company, contactId, body, status, errors),
    }));
  }

  @Post(':id/contacts/:contactId/archive')
  async archiveContact(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Param('contactId', new RecordIdPipe('company_contact')) contactId: string,
    @AuditCtx() context: AuditContext,
    @Res() res: Response,
  ): Promise<void> {
    await this.companies.archiveContact(actor, id, contactId, undefined, context);
    res.redirect(303, `/companies/${id}?notice=contact_archived`);
  }

  /** A form about a company the actor may change (404 otherwise), worded with the company pages' errors. */
  private async companyForm<T extends object, R>(
    actor: Actor,
    id: string,
    res: Response,
    form: (company: CompanyView) => Omit<FormSubmission<T, R>, 'errors'>,
  ): Promise<void> {
    const company = await this.workable(actor, id);
    await submitForm(res, { ...form(company), errors: { translations: 'companies' } } as FormSubmission<
      T,
      R
    >);
  }

  /** The company, if the actor may change it (404 otherwise, as for the API). */
  private async workable(actor: Actor, id: string): Promise<CompanyView> {
    return this.companies.getWorkable(actor, id);
  }

  private renderProspect(
    res: Response,
    values: Record<string, unknown>,
    status: number,
    errors?: ErrorView,
  ): void {
    res.status(status).render('enrolment/company-prospect', {
      pageTitle: res.locals.t('companies.prospect.title'),
      staffPage: true,
      values,
      regions: this.rules.regions,
      sources: PROSPECT_SOURCES,
      languages: CONTACT_LANGUAGES,
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }

  private renderEdit(
    res: Response,
    company: CompanyView,
    values: Record<string, unknown>,
    status: number,
    errors?: ErrorView,
  ): void {
    res.status(status).render('enrolment/company-edit', {
      pageTitle: `${res.locals.t('companies.edit.title')} – ${company.legalName}`,
      staffPage: true,
      company,
      values: { ...values, version: values.version ?? company.version },
      regions: this.rules.regions,
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }

  private renderContact(
    res: Response,
    company: CompanyView,
    contactId: string | null,
    values: Record<string, unknown>,
    status: number,
    errors?: ErrorView,
  ): void {
    res.status(status).render('enrolment/company-contact', {
      pageTitle: `${res.locals.t(contactId ? 'companies.contact.editTitle' : 'companies.contact.addTitle')} – ${company.legalName}`,
      staffPage: true,
      company,
      contactId,
      values: {
        ...values,
        isPrimary: values.isPrimary === true || values.isPrimary === 'true',
        consentToContact: values.consentToContact === true || values.consentToContact === 'true',
      },
      languages: CONTACT_LANGUAGES,
      errorSummary: [],
      fieldErrors: {},
      ...errors,
    });
  }
}
