import { Actor, CurrentUser, UsersService } from '@app/identity';
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
  ) {}

  @Get()
  async home(@CurrentUser() user: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
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
      failedReasons: (enrolment?.eligibility?.reasons ?? [])
        .filter((r) => !r.passed)
        .map((r) => reasonText(r, l, this.rules)),
    });
  }
}
