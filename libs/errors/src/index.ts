export {
  DomainError,
  NotFoundError,
  ConflictError,
  UnprocessableError,
  InvalidInputError,
  ForbiddenError,
} from './domain-error';
export type { FieldError } from './domain-error';
export { ERROR_CODES, NOT_FOUND_ENTITIES, allErrorCodes } from './error-codes';
