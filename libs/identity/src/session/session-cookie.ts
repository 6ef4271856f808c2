import { AppConfig } from '@app/config';

/** `__Host-` in production: the browser then insists on Secure, path=/ and no Domain attribute. */
export function sessionCookieName(config: AppConfig): string {
  return config.isProduction ? '__Host-sme.sid' : 'sme.sid';
}

/** The anonymous visitors' CSRF cookie (see AnonymousCsrf), named like the session cookie. */
export function csrfCookieName(config: AppConfig): string {
  return config.isProduction ? '__Host-sme.csrf' : 'sme.csrf';
}
