import { CaseAccessService } from '@app/advisers';
import { AuditLogService, type AuditContext } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { EnrolmentRules } from '@app/enrolment';
import { ConflictError, InvalidInputError, type FieldError } from '@app/errors';
import type { Actor } from '@app/identity';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseRecordsService } from './case-records';
import { winTotal } from './domain/win-rules';
import type { CorrectExportWinDto, RecordExportWinDto } from './dto/export-win.dto';
import { ExportOpportunity } from './entities/export-opportunity.entity';
import { ExportWin } from './entities/export-win.entity';
import { ExportWinVersionConflictError } from './export-win.errors';
import { WinVerificationService } from './win-verification.service';

/** What an audit row keeps of a win. */
export function auditableWin(w: ExportWin): Record<string, unknown> {
  return {
    opportunityId: w.opportunityId,
    customerName: w.customerName,
    customerCountry: w.customerCountry,
    goodsOrServices: w.goodsOrServices,
    description: w.description,
    winType: w.winType,
    currency: w.currency,
    firstYear: w.firstYear,
    valuesMinor: w.valuesMinor,
    totalMinor: w.totalMinor,
    supportDecisive: w.supportDecisive,
    supportMeasures: w.supportMeasures,
    trainingModules: w.trainingModules,
    notes: w.notes,
  };
}

/**
 * Export wins of a case: recorded by the staff who work it, from a won opportunity of the case or directly,
 * with the support that helped (support measures from config, training modules the case booked). Like an
 * opportunity, a win is a record of its case (CaseAccessService; 404 for anyone else). Recording one asks the company to confirm it.
 */
@Injectable()
export class ExportWinsService extends CaseRecordsService<ExportWin> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly audit: AuditLogService,
    private readonly enrolmentRules: EnrolmentRules,
    private readonly verification: WinVerificationService,
    private readonly uow: UnitOfWork,
  ) {
    super(access, dataSource.manager, ExportWin, 'export_win');
  }

  protected versionConflict(current: number): Error {
    return new ExportWinVersionConflictError(current);
  }

  /** The codes of the training modules booked on the case (what a win may credit). */
  async bookedModules(caseId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT m.code FROM training_booking b JOIN training_module m ON m.id = b.module_id
        WHERE b.case_id = $1 ORDER BY m.code`,
      [caseId],
    )) as { code: string }[];
    return rows.map((r) => r.code);
  }

  async record(
    manager: EntityManager,
    actor: Actor,
    caseId: string,
    dto: RecordExportWinDto,
    context: AuditContext,
  ): Promise<ExportWin> {
    await this.access.findWorkableCase(actor, caseId, manager);
    const problems: FieldError[] = [];
    if (dto.opportunityId) {
      const opportunity = await manager
        .getRepository(ExportOpportunity)
        .findOne({ where: { id: dto.opportunityId }, lock: { mode: 'pessimistic_write' } });
      if (!opportunity || opportunity.caseId !== caseId)
        problems.push({
          field: 'opportunityId',
          message: 'Choose an opportunity of this case',
          code: 'unknown',
        });
      else if (opportunity.status !== 'won')
        problems.push({
          field: 'opportunityId',
          message: 'Only a won opportunity becomes a win',
          code: 'notWon',
        });
      else if (await manager.getRepository(ExportWin).existsBy({ opportunityId: opportunity.id }))
        throw new ConflictError(
          'export_win.already_recorded',
          'A win is already recorded for this opportunity',
        );
    }
    const measures = dto.supportMeasures ?? [];
    const modules = dto.trainingModules ?? [];
    problems.push(...(await this.supportProblems(manager, caseId, measures, modules)));
    if (problems.length) throw new InvalidInputError(problems);
    const repo = manager.getRepository(ExportWin);
    const saved = await repo.save(
      repo.create({
        caseId,
        opportunityId: dto.opportunityId ?? null,
        customerName: dto.customerName.trim(),
        customerCountry: dto.customerCountry.toUpperCase(),
        goodsOrServices: dto.goodsOrServices,
        description: dto.description.trim(),
        winType: dto.winType,
        currency: dto.currency.toUpperCase(),
        firstYear: dto.firstYear,
        valuesMinor: dto.valuesMinor,
        totalMinor: winTotal(dto.valuesMinor),
        supportDecisive: dto.supportDecisive,
        supportMeasures: [...new Set(measures)],
        trainingModules: [...new Set(modules)],
        notes: dto.notes?.trim() || null,
        recordedById: context.actorId,
      }),
    );
    await this.audit.record(manager, {
      action: 'export_win.recorded',
      entityType: 'export_win',
      entityId: saved.id,
      before: null,
      after: { caseId, ...auditableWin(saved) },
      context,
    });
    // The company is asked to confirm it: until it does (and an officer signs it off) the win is claimed.
    await this.verification.send(manager, saved, context);
    return manager.getRepository(ExportWin).findOneByOrFail({ id: saved.id });
  }

  /**
   * The adviser corrects a win (the fields sent change; `version` is the one read). Whatever the company
   * said about the old details no longer holds: its link stops working, an officer's sign-off is withdrawn,
   * and the company is asked again with a new link.
   */
  async correct(
    actor: Actor,
    id: string,
    dto: Omit<CorrectExportWinDto, 'version'>,
    version: number | undefined,
    context: AuditContext,
  ): Promise<ExportWin> {
    return this.uow.run(async (m) => {
      // A correction overwrites: it must say which version it was based on (asked after access: 404 first).
      const win = await this.lockForChange(m, actor, id, version);
      const problems = await this.supportProblems(
        m,
        win.caseId,
        dto.supportMeasures ?? [],
        dto.trainingModules ?? [],
      );
      if (problems.length) throw new InvalidInputError(problems);
      const before = { ...auditableWin(win), signedOff: win.signedOffAt !== null };
      Object.assign(win, {
        ...(dto.customerName !== undefined ? { customerName: dto.customerName.trim() } : {}),
        ...(dto.customerCountry !== undefined ? { customerCountry: dto.customerCountry.toUpperCase() } : {}),
        ...(dto.goodsOrServices !== undefined ? { goodsOrServices: dto.goodsOrServices } : {}),
        ...(dto.description !== undefined ? { description: dto.description.trim() } : {}),
        ...(dto.winType !== undefined ? { winType: dto.winType } : {}),
        ...(dto.currency !== undefined ? { currency: dto.currency.toUpperCase() } : {}),
        ...(dto.firstYear !== undefined ? { firstYear: dto.firstYear } : {}),
        ...(dto.valuesMinor !== undefined
          ? { valuesMinor: dto.valuesMinor, totalMinor: winTotal(dto.valuesMinor) }
          : {}),
        ...(dto.supportDecisive !== undefined ? { supportDecisive: dto.supportDecisive } : {}),
        ...(dto.supportMeasures !== undefined ? { supportMeasures: [...new Set(dto.supportMeasures)] } : {}),
        ...(dto.trainingModules !== undefined ? { trainingModules: [...new Set(dto.trainingModules)] } : {}),
        ...(dto.notes !== undefined ? { notes: dto.notes.trim() || null } : {}),
        signedOffAt: null,
        signedOffById: null,
      });
      const saved = await m.getRepository(ExportWin).save(win);
      await this.audit.record(m, {
        action: 'export_win.corrected',
        entityType: 'export_win',
        entityId: saved.id,
        before,
        after: { ...auditableWin(saved), signedOff: false },
        context,
      });
      await this.verification.send(m, saved, context, new Date(), 'corrected');
      return m.getRepository(ExportWin).findOneByOrFail({ id: saved.id });
    });
  }

  /** Support a win may credit: measures from config, training modules the case booked. */
  private async supportProblems(
    manager: EntityManager,
    caseId: string,
    measures: readonly string[],
    modules: readonly string[],
  ): Promise<FieldError[]> {
    const problems: FieldError[] = [];
    if (measures.some((code) => !this.enrolmentRules.isSupportMeasure(code)))
      problems.push({
        field: 'supportMeasures',
        message: 'Choose support measures from the list',
        code: 'unknown',
      });
    if (modules.length) {
      const booked = new Set(await this.bookedModules(caseId, manager));
      if (modules.some((code) => !booked.has(code)))
        problems.push({
          field: 'trainingModules',
          message: 'Choose training modules this case has booked',
          code: 'unknown',
        });
    }
    return problems;
  }
}
