import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from './actor';
import { UnauthenticatedError } from './identity.errors';
import type { Role } from './role';

export const IS_PUBLIC = 'identity:public';
export const ROLES_KEY = 'identity:roles';

/** The route answers anonymous callers too (req.user is still set when someone is signed in). The OpenAPI
 * document gives it no security requirement (`x-public`); every other /api/v1 operation needs the bearer. */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-public', true));

/**
 * Only these roles may use the route; anyone else gets 404 (we never reveal what you may not see). The
 * OpenAPI document lists them as `x-roles` on each operation (a method's own list wins over its class's).
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/** The signed-in Actor. On a @Public() route with nobody signed in it throws 401, so use it only where
 * a user is required (or read `req.user` yourself). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const user = ctx.switchToHttp().getRequest<Request>().user;
  if (!user) throw new UnauthenticatedError();
  return user;
});
