import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { DomainError } from '@app/errors';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { csrfTokenFor } from '../csrf';
import { Roles } from '../decorators';
import { CreateUserDto } from '../dto/create-staff-user.dto';
import { errorView, validateForm } from '../form-validation';
import { emailLanguage } from '../registration/email-language';
import { ROLES } from '../role';
import { UsersService } from '../users.service';

type Translate = (key: string, options: { defaultValue: string }) => string;

/** Admins manage accounts: list, create (staff usually), deactivate. */
@ApiExcludeController()
@Roles('admin')
@Controller('admin/users')
export class AdminUsersPagesController {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UsersService,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const users = await this.users.list();
    res.render('identity/admin-users', {
      users,
      staffPage: true,
      csrfToken: csrfTokenFor(req),
      created: req.query.created === '1',
      deactivated: req.query.deactivated === '1',
    });
  }

  @Get('new')
  newUser(@Req() req: Request, @Res() res: Response): void {
    res.render('identity/admin-user-new', {
      staffPage: true,
      roles: ROLES,
      values: { role: 'adviser' },
      csrfToken: csrfTokenFor(req),
    });
  }

  @Post()
  async create(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    const { value, errors } = await validateForm(CreateUserDto, body);
    const again = (status: number, fieldErrors = errors): void =>
      res.status(status).render('identity/admin-user-new', {
        staffPage: true,
        roles: ROLES,
        values: { email: body.email, name: body.name, role: body.role },
        csrfToken: csrfTokenFor(req),
        ...errorView(fieldErrors, res.locals.t as Translate),
      });
    if (errors.length) return again(400);
    try {
      await this.uow.run((m) => this.users.create(m, value, context, emailLanguage(req)));
    } catch (error) {
      if (error instanceof DomainError && error.fields.length) return again(error.status, [...error.fields]);
      throw error;
    }
    res.redirect(303, '/admin/users?created=1');
  }

  @Post(':id/deactivate')
  async deactivate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    await this.uow.run((m) => this.users.deactivate(m, id, context));
    res.redirect(303, '/admin/users?deactivated=1');
  }
}
