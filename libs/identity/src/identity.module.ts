import { AuditLogModule } from '@app/audit-log';
import { AppConfig } from '@app/config';
import { DynamicModule, MiddlewareConsumer, Module, ModuleMetadata, NestModule, Type } from '@nestjs/common';
import { ACCOUNT_NOTIFIER, type AccountNotifier } from './account-notifier';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiTokenCacheModule } from './api-token-cache';
import { ApiTokensService } from './api-tokens.service';
import { AuthMiddleware } from './auth.middleware';
import { AuthService } from './auth.service';
import { AdminUsersPagesController } from './controllers/admin-users.pages.controller';
import { AuditEventsController } from './controllers/audit-events.controller';
import { AuditPagesController } from './controllers/audit.pages.controller';
import { AuthController } from './controllers/auth.controller';
import { AuthPagesController } from './controllers/auth.pages.controller';
import { AccessGuard } from './guards/access.guard';
import { DeviceCookies } from './sign-in/device-cookies';
import { LoginThrottleService } from './sign-in/login-throttle.service';
import { SignInAlertsService } from './sign-in/sign-in-alerts.service';
import { PasswordHasher } from './password/password-hasher.service';
import { PolicyModule } from './policy/policy.module';
import { RegistrationService } from './registration/registration.service';
import { createSessionMiddleware } from './session/session.middleware';
import { UsersService } from './users.service';

/**
 * Who is calling and may they: sessions, bearer tokens, the global AccessGuard (@Public/@Roles),
 * the PolicyService, sign-in/register pages, account admin and the audit browser.
 * Import it once, through `forRoot`, in a process that serves HTTP; the CLI uses IdentityCoreModule.
 */
@Module({
  imports: [AuditLogModule, PolicyModule, ApiTokenCacheModule],
  controllers: [
    AuthController,
    AuthPagesController,
    AdminUsersPagesController,
    AuditEventsController,
    AuditPagesController,
  ],
  providers: [
    UsersService,
    ApiTokensService,
    PasswordHasher,
    LoginThrottleService,
    DeviceCookies,
    SignInAlertsService,
    AuthService,
    RegistrationService,
    AuthMiddleware,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, PolicyModule, ApiTokensService],
})
export class IdentityModule implements NestModule {
  /**
   * The HTTP side of identity. `notifier` sends account and security notices (registration attempts,
   * sign-in attack alerts) through the messaging code, which `imports` provides.
   */
  static forRoot(options: {
    notifier: Type<AccountNotifier>;
    imports?: ModuleMetadata['imports'];
  }): DynamicModule {
    return {
      module: IdentityModule,
      imports: options.imports ?? [],
      providers: [{ provide: ACCOUNT_NOTIFIER, useClass: options.notifier }],
    };
  }

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(createSessionMiddleware(this.config, this.dataSource), AuthMiddleware).forRoutes('*path');
  }
}

/** Users and policy without HTTP (no guard, no middleware, no controllers): for the CLI and seeds. */
@Module({
  imports: [AuditLogModule, PolicyModule],
  // No ApiTokenCache (nor Redis) here: a deactivation from the CLI reaches api processes within the cache's TTL.
  providers: [UsersService, PasswordHasher],
  exports: [UsersService, PolicyModule],
})
export class IdentityCoreModule {}
