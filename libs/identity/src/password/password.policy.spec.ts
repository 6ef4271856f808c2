import { passwordProblem, PASSWORD_MAX_LENGTH } from './password.policy';

describe('passwordProblem', () => {
  const email = 'maria.gonzalez-export@example.es';

  it.each(['copper kettle harbour 42', 'Mi empresa exporta a Francia 2026', 'Pw-Xk3_a9QwLm2Zp'])(
    'accepts a long, uncommon password (%s)',
    (password) => {
      expect(passwordProblem(password, { email })).toBeNull();
    },
  );

  it.each([
    ['shorter than 12 characters', 'kettle-42', 'password.tooShort'],
    ['longer than the cap', 'x'.repeat(PASSWORD_MAX_LENGTH + 1), 'password.tooLong'],
    ['one character repeated', 'aaaaaaaaaaaaaa', 'password.common'],
    ['the email address', email.toUpperCase(), 'password.common'],
    ['the part of the email before the @', 'Maria.Gonzalez-Export', 'password.common'],
    ['a breached password with a symbol', 'Password1234!', 'password.common'],
    ['a keyboard run with a symbol', 'Qwerty123456!', 'password.common'],
    ['a season, a year and symbols', 'Summer2026!!', 'password.common'],
    ['the same in German', 'Sommer2026!!', 'password.common'],
    ['the same in Spanish', 'Verano2026!!', 'password.common'],
    ['the service’s own words', 'Exportexport2026', 'password.common'],
  ])('refuses a password that is %s', (_why, password, code) => {
    expect(passwordProblem(password, { email })).toMatchObject({ field: 'password', code });
  });

  it('explains why, in the reader’s language', () => {
    expect(passwordProblem('Password1234!', { language: 'en' })?.message).toBe(
      'Password is too easy to guess. This is similar to a commonly used password. Add more words that are less common. Capitalize more than the first letter.',
    );
    expect(passwordProblem('Password1234!', { language: 'es' })?.message).toMatch(
      /^La contraseña es demasiado fácil de adivinar\. Es similar a una contraseña usada habitualmente\./,
    );
    expect(passwordProblem('Summer2026!!', { language: 'de' })?.message).toMatch(
      /^Das Passwort ist zu leicht zu erraten\. \S/,
    );
    expect(passwordProblem('short', { language: 'de' })?.message).toBe(
      'Das Passwort muss mindestens 12 Zeichen lang sein',
    );
  });

  it('never puts the password in its message', () => {
    const password = 'Maria.Gonzalez-Export';
    expect(JSON.stringify(passwordProblem(password, { email }))).not.toContain(password);
  });
});
