import { CaseClosureRules } from '@app/cases';
import { Actor, CurrentUser, UsersService } from '@app/identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EnrolmentService } from '../enrolment.service';
import { EnrolmentRules } from '../rules/enrolment-rules';
import { reasonText } from './present';

/**
 * `/home`, everyone's landing page after sign-in, and its only route: an SME sees where its enrolment
 * stands, its case and what happens next; staff see the staff home (identity's view) with their role's links.
 */
@ApiExcludeController()
@Controller('home')
export class HomePagesController {
  constructor(
    private readonly enrolments: EnrolmentService,
    private readonly rules: EnrolmentRules,
    private readonly users: UsersService,
    private readonly closureRules: CaseClosureRules,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get()
  async home(@CurrentUser() user: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    // An expert of the network has their own home (libs/network): their requests.
    if (user.role === 'expert') return res.redirect(302, '/expert');
    if (user.role !== 'sme') return res.render('identity/home-staff', { user, staffPage: true });
    const enrolment = await this.enrolments.latestFor(user.id);
    const l = req.lang ?? 'en';
    const adviserId = enrolment?.case?.adviserId;
    const adviser = adviserId ? await this.users.findById(adviserId) : null;
    res.render('enrolment/home', {
      pageTitle: res.locals.t('enrolment.home.title'),
      user,
      enrolment,
      saved: req.query.saved === '1',
      adviser: adviser ? { name: adviser.name, email: adviser.email } : null,
      caseState: enrolment?.case ? await this.caseState(enrolment.case.id, l) : null,
      failedReasons: (enrolment?.eligibility?.reasons ?? [])
        .filter((r) => !r.passed)
        .map((r) => reasonText(r, l, this.rules)),
    });
  }

  /**
   * Where the case really stands for the SME: last contact, the next step agreed and, once closed, when
   * and why. A read of the case and its working row (advisers' case_work; read, never written here).
   */
  private async caseState(caseId: string, lang: string): Promise<CaseState | null> {
    const [row] = (await this.dataSource.query(
      `SELECT c.status, c.last_contact_on::text AS last_contact_on, c.next_step_due::text AS next_step_due,
              c.closed_at, c.closure_reason, w.next_step
         FROM cases c LEFT JOIN case_work w ON w.case_id = c.id WHERE c.id = $1`,
      [caseId],
    )) as {
      status: string;
      last_contact_on: string | null;
      next_step_due: string | null;
      closed_at: Date | null;
      closure_reason: string | null;
      next_step: string | null;
    }[];
    if (!row) return null;
    return {
      closed: row.status === 'closed',
      closedAt: row.closed_at,
      closureReason: row.closure_reason ? this.closureRules.label(row.closure_reason, lang) : null,
      lastContactOn: row.last_contact_on,
      nextStep: row.next_step,
      nextStepDue: row.next_step_due,
    };
  }
}

interface CaseState {
  closed: boolean;
  closedAt: Date | null;
  closureReason: string | null;
  lastContactOn: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
}
