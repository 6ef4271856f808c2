import { AuditContext, AuditCtx } from '@app/audit-log';
import { UnitOfWork } from '@app/database';
import { RecordIdPipe, submitForm } from '@app/web';
import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../decorators';
import { CreateUserDto } from '../dto/create-staff-user.dto';
import { emailLanguage } from '../registration/email-language';
import { CREATABLE_ROLES } from '../role';
import { UsersService } from '../users.service';

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
    const me = req.user?.id;
    res.render('identity/admin-users', {
      users,
      // Only a column someone can act on: an empty one (one admin alone) left its hidden header sticking out
      // of the table's scroll box, which made it scroll by a pixel with no keyboard access (axe).
      actions: users.some((u) => u.active && u.id !== me),
      staffPage: true,
      created: req.query.created === '1',
      deactivated: req.query.deactivated === '1',
    });
  }

  @Get('new')
  newUser(@Res() res: Response): void {
    res.render('identity/admin-user-new', {
      staffPage: true,
      roles: CREATABLE_ROLES,
      values: { role: 'adviser' },
    });
  }

  @Post()
  async create(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    await submitForm(res, {
      dto: CreateUserDto,
      fields: body,
      run: async (value) => {
        const prepared = await this.users.prepare(value, emailLanguage(req));
        return this.uow.run((m) => this.users.createWithHash(m, prepared, context));
      },
      redirect: () => '/admin/users?created=1',
      again: (status, errors) =>
        res.status(status).render('identity/admin-user-new', {
          staffPage: true,
          roles: CREATABLE_ROLES,
          values: { email: body.email, name: body.name, role: body.role },
          ...errors,
        }),
      errors: { translations: 'identity' },
    });
  }

  @Post(':id/deactivate')
  async deactivate(
    @Param('id', new RecordIdPipe('user')) id: string,
    @Res() res: Response,
    @AuditCtx() context: AuditContext,
  ): Promise<void> {
    await this.uow.run((m) => this.users.deactivate(m, id, context));
    res.redirect(303, '/admin/users?deactivated=1');
  }
}
