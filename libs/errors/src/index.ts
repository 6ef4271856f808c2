export {
  DomainError,
  NotFoundError,
  ConflictError,
  UnprocessableError,
  InvalidInputError,
  ForbiddenError,
} from './domain-error';
export type { FieldError } from './domain-error';
