export { LANGUAGES, DEFAULT_LANGUAGE, LANGUAGE_NAMES, isLanguage, translations, translator } from './i18n';
export type { Language } from './i18n';
export { languageMiddleware, chooseLanguage, languageLinks, useLanguage } from './language.middleware';
export { leafKeys, baseKey, keysUsedIn } from './locale-keys';
export { configureViews, createViewEnvironment, viewPaths, govukFrontendDist, SERVICE_NAME } from './views';
export { cspNonceMiddleware } from './csp-nonce.middleware';
export { exceptProbes, forPagesOnly, isMachineRequest, isProbeRequest } from './page-requests';
export { securityHeaders } from './security-headers';
export {
  createValidationPipe,
  toFieldErrors,
  RequestValidationException,
  IsOptionalNotNull,
  OptionalNested,
  OptionalStringList,
} from './validation';
export { ProblemDetailsFilter, wantsHtml } from './problem-details.filter';
export type { ProblemDetails } from './problem-details.filter';
export { bodyParserErrors } from './body-parser-errors.middleware';
export { apiBodiesAreJson, apiBodiesAreObjects } from './json-only.middleware';
export { verifyJsonBody, jsonDeeperThan, MAX_JSON_DEPTH } from './json-depth';
export { rejectUnsafeText, SafeParamsPipe, findUnsafeText, hasUnsafeText } from './unsafe-text';
export { validateForm, errorView } from './form-validation';
export type { ErrorView } from './form-validation';
export type { ErrorViewOptions } from './form-validation';
export { pageErrors } from './page-errors';
export type { ErrorWording } from './page-errors';
export { submitForm } from './form-cycle';
export type { FormCheck, FormSubmission } from './form-cycle';
export { isUuid } from './uuid';
export { RecordIdPipe } from './record-id.pipe';
export { expectedVersion, withETag } from './if-match';
export { PageCursors } from './page-cursors';
export type { CursorPart } from './page-cursors';
export { IsPageCursor } from './is-page-cursor.decorator';
export { PageQueryDto } from './page-query.dto';
export { newestFirstPage, oldestFirstPage } from './newest-first-page';
export type { Page, PageRequest } from './newest-first-page';
export { IsQueryDate } from './is-query-date.decorator';
export { NumberFromText } from './number-from-text';
export { parseMoney } from './money';
export type { ParsedMoney, MoneyProblem } from './money';
export { minorUnitDigits } from './minor-unit-digits';
export { formatMoney, moneyInputValue } from './format-money';
export { moneyJson, MoneyResponse, AppliedRateResponse } from './money-json';
export type { MoneyJson } from './money-json';
export { ExchangeRates, ExchangeRatesFile, MissingExchangeRateError } from './exchange-rates';
export type { AppliedRate } from './exchange-rates';
export { SignedLinkKey } from './signed-link-key';
export { csvSafeCell } from './csv-safe-cell';
export { IsRecordVersion } from './is-record-version.decorator';
export { toList, toUpperList } from './form-lists';
export { SignedTokens } from './signed-tokens';
export {
  documentApiConventions,
  ApiProblems,
  ApiConditional,
  ApiETag,
  ApiRecord,
  ApiRecordChange,
  ApiFile,
  PROBLEM_SCHEMA,
} from './openapi-conventions';
