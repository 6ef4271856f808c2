// Type-only: brings the Express Request augmentation (req.user) to every importer; emits no require.
import type {} from './express.d';

export { IdentityModule, IdentityCoreModule } from './identity.module';
export { CREATABLE_ROLES, ROLES, STAFF_ROLES, isRole } from './role';
export type { Role } from './role';
export type { Actor } from './actor';
export { User } from './entities/user.entity';
export { ApiToken } from './entities/api-token.entity';
export { UserSession } from './entities/user-session.entity';
export { Public, Roles, CurrentUser } from './decorators';
export { UsersService, toActor, normaliseEmail } from './users.service';
export type { NewUser } from './users.service';
export { ApiTokensService } from './api-tokens.service';
export { ApiTokenCache } from './api-token-cache';
export { PolicyService, ACTIONS } from './policy/policy.service';
export { PolicyModule } from './policy/policy.module';
export type { Resource, Intent, Action, Asking, PolicyOptions } from './policy/policy.service';
export { passwordProblem, PASSWORD_MIN_LENGTH } from './password/password.policy';
export { PasswordHasher } from './password/password-hasher.service';
export { UnauthenticatedError, InvalidCredentialsError, EmailTakenError, CsrfError } from './identity.errors';
export { csrfTokenFor } from './csrf';
export { SignedLinkPages } from './signed-link-form';
export { SignedLinkPagesController } from './signed-link-pages.controller';
export type { SignedLinkForm, OpenedLink } from './signed-link-form';
export { ACCOUNT_NOTIFIER } from './account-notifier';
export type { AccountNotifier, AccountNotice } from './account-notifier';
