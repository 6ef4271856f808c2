import { passwordProblem, PASSWORD_MAX_LENGTH } from './password.policy';

describe('passwordProblem', () => {
  const email = 'maria.gonzalez-export@example.es';

  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('copper kettle harbour 42', { email })).toBeNull();
  });

  it.each([
    ['shorter than 12 characters', 'kettle-42', 'password.tooShort'],
    ['longer than the cap', 'x'.repeat(PASSWORD_MAX_LENGTH + 1), 'password.tooLong'],
    ['one character repeated', 'aaaaaaaaaaaaaa', 'password.common'],
    ['the email address', email.toUpperCase(), 'password.common'],
    ['the part of the email before the @', 'Maria.Gonzalez-Export', 'password.common'],
  ])('refuses a password that is %s', (_why, password, code) => {
    expect(passwordProblem(password, { email })).toMatchObject({ field: 'password', code });
  });

  it('never puts the password in its message', () => {
    const password = 'Maria.Gonzalez-Export';
    expect(JSON.stringify(passwordProblem(password, { email }))).not.toContain(password);
  });
});
