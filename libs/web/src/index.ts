export { LANGUAGES, DEFAULT_LANGUAGE, LANGUAGE_NAMES, isLanguage, translations, translator } from './i18n';
export type { Language } from './i18n';
export { languageMiddleware, chooseLanguage, languageLinks } from './language.middleware';
export { configureViews, createViewEnvironment, viewPaths, govukFrontendDist, SERVICE_NAME } from './views';
export { cspNonceMiddleware } from './csp-nonce.middleware';
export { securityHeaders } from './security-headers';
export {
  createValidationPipe,
  toFieldErrors,
  RequestValidationException,
  IsOptionalNotNull,
} from './validation';
export { ProblemDetailsFilter, wantsHtml } from './problem-details.filter';
export type { ProblemDetails } from './problem-details.filter';
export { bodyParserErrors } from './body-parser-errors.middleware';
export { apiBodiesAreJson, apiBodiesAreObjects } from './json-only.middleware';
export { verifyJsonBody, jsonDeeperThan, MAX_JSON_DEPTH } from './json-depth';
export { rejectUnsafeText, SafeParamsPipe, findUnsafeText, hasUnsafeText } from './unsafe-text';
export { validateForm, errorView } from './form-validation';
export type { ErrorView } from './form-validation';
