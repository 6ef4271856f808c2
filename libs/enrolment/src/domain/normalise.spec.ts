import { checkVatNumber, normaliseRegistrationNumber, vatPrefixCountry } from './normalise';

describe('normaliseRegistrationNumber', () => {
  it.each([
    ['SC123456', 'SC123456'],
    ['  sc123456 ', 'SC123456'],
    ['sc 123 456', 'SC123456'],
    ['hrb\t12345\n', 'HRB12345'],
    ['B-12/345', 'B-12/345'],
  ])('%j → %s', (raw, expected) => {
    expect(normaliseRegistrationNumber(raw)).toBe(expected);
  });
});

describe('checkVatNumber', () => {
  it.each([
    ['GB980780684', 'GB', true, 'GB980780684'],
    ['980 7806 84', 'GB', true, 'GB980780684'],
    ['GB980780685', 'GB', false, 'GB980780685'], // wrong check digits
    ['DE136695976', 'DE', true, 'DE136695976'],
    ['de 136.695.976', 'DE', true, 'DE136695976'],
    ['DE13669597', 'DE', false, 'DE13669597'], // too short
    ['094259216', 'GR', true, 'EL094259216'], // Greece uses the EL prefix
    ['ESA28017895', 'ES', true, 'ESA28017895'],
    ['ATU13585627', 'AT', true, 'ATU13585627'],
    ['DE136695976', 'AT', false, 'ATDE136695976'], // another country's number
  ])('%s in %s → %s', (raw, country, ok, normalised) => {
    expect(checkVatNumber(raw, country)).toEqual({ ok, normalised });
  });

  it('only checks the characters of a VAT number from a country whose format we do not know', () => {
    expect(checkVatNumber('12-345-678', 'US')).toEqual({ ok: true, normalised: '12345678' });
    expect(checkVatNumber('1', 'US')).toEqual({ ok: false, normalised: '1' });
  });
});

describe('vatPrefixCountry', () => {
  it.each([
    ['GB980780684', 'GB'],
    ['de 136695976', 'DE'],
    ['EL094259216', 'GR'],
    ['123456789', undefined],
    ['US12345678', undefined],
  ])('%s → %s', (raw, country) => {
    expect(vatPrefixCountry(raw)).toBe(country);
  });
});
