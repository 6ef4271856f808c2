import { fieldError } from './enrolment-answers';

describe('fieldError wording', () => {
  it('uses the field’s own message in the page’s language', () => {
    expect(fieldError('company.tradingName', 'tooLong', 'de').message).toBe(
      'Der Handelsname darf höchstens 200 Zeichen lang sein',
    );
  });

  it('gives a list item the list’s message, whatever its position', () => {
    expect(fieldError('company.socialProfiles.3.url', 'url', 'en')).toEqual({
      field: 'company.socialProfiles.3.url',
      code: 'url',
      message:
        'Enter the profile address starting with https://, for example https://www.linkedin.com/company/acme',
    });
    expect(fieldError('company.socialProfiles.0.platform', 'choice', 'es').message).toBe(
      'Elija la plataforma de la lista',
    );
  });

  it('falls back to the generic message for a field without its own', () => {
    expect(fieldError('company.legalName', 'format', 'en').message).toBe(
      'Enter the answer in the right format',
    );
  });
});
