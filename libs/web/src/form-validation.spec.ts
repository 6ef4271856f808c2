import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { errorView, validateForm } from './form-validation';

class PersonForm {
  @IsString()
  @IsNotEmpty({ message: 'Enter your name' })
  name!: string;

  // Decorators run bottom-up and stopAtFirstError keeps the first failure: the type check goes last.
  @Max(10)
  @Min(1)
  @IsInt({ message: 'Enter a whole number' })
  @Type(() => Number)
  rating!: number;
}

describe('validateForm', () => {
  it('returns the typed value and no errors for a good form, ignoring the CSRF field', async () => {
    const { value, errors } = await validateForm(PersonForm, { name: 'Ana', rating: '4', _csrf: 'token' });
    expect(errors).toEqual([]);
    expect(value).toBeInstanceOf(PersonForm);
    expect(value.rating).toBe(4);
  });

  it('reports the first problem of each field and unknown fields by name', async () => {
    const { errors } = await validateForm(PersonForm, { name: '', rating: 'many', role: 'admin' });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', message: 'Enter your name' }),
        expect.objectContaining({ field: 'rating', message: 'Enter a whole number' }),
        expect.objectContaining({ field: 'role', code: 'unknownField' }),
      ]),
    );
    expect(errors.filter((e) => e.field === 'rating')).toHaveLength(1);
  });
});

describe('errorView', () => {
  it('links each summary item to its field and keeps the first message per field', () => {
    const view = errorView([
      { field: 'name', message: 'Enter your name', code: 'isNotEmpty' },
      { field: 'name', message: 'second problem' },
      { field: 'rating', message: 'Enter a whole number', code: 'isInt' },
    ]);
    expect(view.errorSummary).toEqual([
      { text: 'Enter your name', href: '#name' },
      { text: 'Enter a whole number', href: '#rating' },
    ]);
    expect(view.fieldErrors.name).toEqual({ text: 'Enter your name' });
  });

  it('links a field the form does not have to the main content, once, with no field message', () => {
    const view = errorView([
      { field: 'confirmPassword', message: 'confirmPassword is not a field', code: 'unknownField' },
      { field: 'role', message: 'role is not a field', code: 'unknownField' },
      { field: 'name', message: 'Enter your name', code: 'isNotEmpty' },
    ]);
    expect(view.errorSummary).toEqual([
      { text: 'confirmPassword is not a field', href: '#main-content' },
      { text: 'Enter your name', href: '#name' },
    ]);
    expect(Object.keys(view.fieldErrors)).toEqual(['name']);
  });

  it('words messages through the given function, e.g. a translation by code', () => {
    const view = errorView(
      [{ field: 'name', message: 'Enter your name', code: 'isNotEmpty' }],
      (e) => `t:${e.code}`,
    );
    expect(view.fieldErrors.name.text).toBe('t:isNotEmpty');
  });
});
