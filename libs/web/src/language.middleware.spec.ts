import type { Request } from 'express';
import { chooseLanguage, languageLinks } from './language.middleware';

const request = (parts: Partial<Request>): Request =>
  ({ query: {}, cookies: {}, headers: {}, originalUrl: '/', ...parts }) as unknown as Request;

describe('chooseLanguage', () => {
  it('prefers ?lang= over the cookie and Accept-Language', () => {
    const req = request({
      query: { lang: 'de' },
      cookies: { lang: 'es' },
      headers: { 'accept-language': 'es' },
    });
    expect(chooseLanguage(req)).toEqual({ lang: 'de', fromQuery: true });
  });

  it('falls back to the cookie, then the best supported Accept-Language, then English', () => {
    expect(chooseLanguage(request({ cookies: { lang: 'es' } })).lang).toBe('es');
    expect(chooseLanguage(request({ headers: { 'accept-language': 'fr-FR,de;q=0.8,es;q=0.5' } })).lang).toBe(
      'de',
    );
    expect(chooseLanguage(request({ headers: { 'accept-language': 'fr' } })).lang).toBe('en');
  });

  it('ignores an unsupported ?lang=', () => {
    expect(chooseLanguage(request({ query: { lang: 'xx' } }))).toEqual({ lang: 'en', fromQuery: false });
  });
});

describe('languageLinks', () => {
  it('keeps the page and its other query parameters, marking the current language', () => {
    const links = languageLinks(request({ originalUrl: '/enrol/company?step=2&lang=en' }), 'es');
    expect(links.map((l) => l.href)).toEqual([
      '/enrol/company?step=2&lang=en',
      '/enrol/company?step=2&lang=es',
      '/enrol/company?step=2&lang=de',
    ]);
    expect(links.find((l) => l.current)?.lang).toBe('es');
  });
});
