import { AuditContext, AuditCtx } from '@app/audit-log';
import { Idempotent, TransactionManager } from '@app/idempotency';
import { Actor, CurrentUser, Roles } from '@app/identity';
import type { EntityManager } from 'typeorm';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ActivityPageResponse,
  CompanyResponse,
  CompanySearchPage,
  ContactResponse,
  MergeResultResponse,
  ProspectCreated,
} from '../dto/company.responses';
import type { Response } from 'express';
import {
  ApiConditional,
  RecordIdPipe,
  expectedVersion,
  withETag,
  ApiRecordChange,
  ApiRecord,
} from '@app/web';
import {
  ActivityQueryDto,
  ArchiveContactDto,
  CompanySearchQueryDto,
  ContactDto,
  CreateProspectDto,
  MergeIntoDto,
  UpdateCompanyDto,
  UpdateContactDto,
} from '../dto/company.dto';
import {
  CompaniesService,
  type ActivityPage,
  type CompanySearchHit,
  type CompanyView,
  type ContactView,
} from '../companies/companies.service';
import { CompanyProspects } from '../companies/company-prospects';
import type { MergeResult } from '../companies/company-merge';
import { DuplicateFlagsService } from '../duplicate-flags.service';

/**
 * The company as one record, for staff: identity, contacts, every case and one activity feed; search;
 * corrections (officers and the company's advisers); prospects staff met; officers' merges.
 */
@ApiTags('companies')
@ApiBearerAuth()
@Roles('adviser', 'officer')
@Controller('api/v1/companies')
export class CompaniesController {
  constructor(
    private readonly companies: CompaniesService,
    private readonly prospects: CompanyProspects,
    private readonly flags: DuplicateFlagsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: CompanySearchPage })
  @ApiOperation({
    summary:
      'Search companies: name or trading name (fuzzy), registration or VAT number, postcode, contact email',
  })
  search(
    @CurrentUser() actor: Actor,
    @Query() query: CompanySearchQueryDto,
  ): Promise<{ items: CompanySearchHit[]; nextCursor?: string }> {
    return this.companies.search(actor, query);
  }

  @Post('prospects')
  @ApiCreatedResponse({ type: ProspectCreated })
  @HttpCode(201)
  @Idempotent({ headers: (created) => ({ Location: `/api/v1/companies/${String(created.companyId)}` }) })
  @ApiOperation({
    summary:
      'Record a company staff met (event, referral, phone) with a draft enrolment on its behalf, and invite its contact',
  })
  createProspect(
    @CurrentUser() actor: Actor,
    @Body() body: CreateProspectDto,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
  ): Promise<{ companyId: string; enrolmentId: string; contactId: string }> {
    return this.prospects.create(actor, body, context, manager);
  }

  @Get(':id')
  @ApiRecord(CompanyResponse)
  async get(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CompanyView> {
    return withETag(res, await this.companies.get(actor, id));
  }

  @Patch(':id')
  @ApiRecordChange(CompanyResponse)
  @ApiOperation({ summary: "Correct the company's details (If-Match: the version read)" })
  async update(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Body() body: UpdateCompanyDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CompanyView> {
    const { version: bodyVersion, ...change } = body;
    return withETag(
      res,
      await this.companies.update(actor, id, change, expectedVersion(ifMatch, bodyVersion), context),
    );
  }

  @Get(':id/activity')
  @ApiOkResponse({ type: ActivityPageResponse })
  @ApiOperation({ summary: "One feed across the company's cases, emails and records, newest first, paged" })
  activity(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Query() query: ActivityQueryDto,
  ): Promise<ActivityPage> {
    return this.companies.activity(actor, id, query);
  }

  @Post(':id/contacts')
  @ApiCreatedResponse({ type: ContactResponse })
  @HttpCode(201)
  @Idempotent()
  addContact(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Body() body: ContactDto,
    @TransactionManager() manager: EntityManager,
    @AuditCtx() context: AuditContext,
  ): Promise<ContactView> {
    return this.companies.addContact(actor, id, body, context, manager);
  }

  @Put(':id/contacts/:contactId')
  @ApiRecordChange(ContactResponse)
  async editContact(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Param('contactId', new RecordIdPipe('company_contact')) contactId: string,
    @Body() body: UpdateContactDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ContactView> {
    const { version: bodyVersion, ...input } = body;
    return withETag(
      res,
      await this.companies.editContact(
        actor,
        id,
        contactId,
        input,
        expectedVersion(ifMatch, bodyVersion),
        context,
      ),
    );
  }

  @Post(':id/contacts/:contactId/archive')
  @ApiOkResponse({ type: ContactResponse })
  @ApiConditional()
  @HttpCode(200)
  archiveContact(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Param('contactId', new RecordIdPipe('company_contact')) contactId: string,
    @Body() body: ArchiveContactDto,
    @Headers('if-match') ifMatch: string | undefined,
    @AuditCtx() context: AuditContext,
  ): Promise<ContactView> {
    return this.companies.archiveContact(
      actor,
      id,
      contactId,
      expectedVersion(ifMatch, body.version),
      context,
    );
  }

  @Post(':id/merge')
  @ApiOkResponse({ type: MergeResultResponse })
  @Roles('officer')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Merge this company into another (enrolments, cases, contacts and SME accounts move); when both have an ' +
      'open case, continuingCaseId names the one that continues and the other closes as a duplicate',
  })
  merge(
    @CurrentUser() actor: Actor,
    @Param('id', new RecordIdPipe('company')) id: string,
    @Body() body: MergeIntoDto,
    @AuditCtx() context: AuditContext,
  ): Promise<MergeResult> {
    return this.flags.mergeCompanies(actor.id, id, body.intoCompanyId, body.continuingCaseId, context);
  }
}
