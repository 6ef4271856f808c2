import { ConflictError, DomainError, InvalidInputError, NotFoundError } from '@app/errors';
import { IsNotEmpty, IsString } from 'class-validator';
import type { Response } from 'express';
import { submitForm } from './form-cycle';
import type { ErrorView } from './form-validation';

class NoteForm {
  @IsString()
  @IsNotEmpty({ message: 'Enter a note' })
  note!: string;
}

const translations: Record<string, string> = {
  'notes.errors.note.isNotEmpty': 'Escriba una nota',
  'notes.errors.notes.locked': 'El caso está bloqueado',
};

/** Just enough of Express's Response: the page's translator and a redirect that is recorded. */
function fakeResponse(): Response & { redirected?: [number, string] } {
  const res = {
    locals: {
      t: (keys: string | string[], options?: { defaultValue?: string }) =>
        [keys]
          .flat()
          .map((k) => translations[k])
          .find(Boolean) ??
        options?.defaultValue ??
        String(keys),
    },
    redirect(status: number, url: string) {
      res.redirected = [status, url];
    },
  } as unknown as Response & { redirected?: [number, string] };
  return res;
}

describe('submitForm', () => {
  const shown: { status: number; view: ErrorView; refusal?: DomainError }[] = [];
  const again = (status: number, view: ErrorView, refusal?: DomainError) =>
    shown.push({ status, view, refusal });
  beforeEach(() => (shown.length = 0));

  it('redirects (303) with the result once the change ran', async () => {
    const res = fakeResponse();
    const run = jest.fn(async (value: NoteForm) => ({ id: `n-${value.note}` }));
    await submitForm(res, {
      dto: NoteForm,
      fields: { note: 'hi', _csrf: 't' },
      run,
      redirect: (r) => `/notes/${r.id}`,
      again,
    });
    expect(run).toHaveBeenCalledTimes(1);
    expect(res.redirected).toEqual([303, '/notes/n-hi']);
    expect(shown).toEqual([]);
  });

  it('shows the form again with translated field errors and runs nothing when it is invalid', async () => {
    const res = fakeResponse();
    const run = jest.fn();
    await submitForm(res, {
      dto: NoteForm,
      fields: { note: '' },
      run,
      redirect: () => '/',
      again,
      errors: { translations: 'notes' },
    });
    expect(run).not.toHaveBeenCalled();
    expect(res.redirected).toBeUndefined();
    expect(shown[0].status).toBe(400);
    expect(shown[0].view.errorSummary).toEqual([{ text: 'Escriba una nota', href: '#note' }]);
  });

  it('brings a rule refusal back to the form: its fields, or one summary item for the page', async () => {
    const res = fakeResponse();
    const fields = { note: 'x' };
    await submitForm(res, {
      dto: NoteForm,
      fields,
      run: () =>
        Promise.reject(new InvalidInputError([{ field: 'note', message: 'Too rude', code: 'rude' }])),
      redirect: () => '/',
      again,
    });
    await submitForm(res, {
      dto: NoteForm,
      fields,
      run: () => Promise.reject(new ConflictError('notes.locked', 'The case is locked')),
      redirect: () => '/',
      again,
      errors: { translations: 'notes' },
    });
    expect(shown.map((s) => s.status)).toEqual([400, 409]);
    expect(shown[0].view.fieldErrors.note).toEqual({
      text: 'Too rude',
      visuallyHiddenText: 'common.errorPrefix',
    });
    expect(shown[1].view.errorSummary).toEqual([{ text: 'El caso está bloqueado', href: '#main-content' }]);
    expect(shown[1].refusal?.code).toBe('notes.locked');
  });

  it('lets not-found and unexpected errors through to the error filter', async () => {
    const res = fakeResponse();
    const fail = (error: Error) =>
      submitForm(res, {
        dto: NoteForm,
        fields: { note: 'x' },
        run: () => Promise.reject(error),
        redirect: () => '/',
        again,
      });
    await expect(fail(new NotFoundError('case'))).rejects.toBeInstanceOf(NotFoundError);
    await expect(fail(new Error('database down'))).rejects.toThrow('database down');
    expect(shown).toEqual([]);
  });

  it('takes a hand-written check for forms no DTO describes', async () => {
    const res = fakeResponse();
    await submitForm(res, {
      check: () => ({
        value: { answer: 9 },
        errors: [{ field: 'q0', message: 'Choose an answer', code: 'x' }],
      }),
      run: jest.fn(),
      redirect: () => '/',
      again,
      errors: { fieldId: (f) => `row-${f}` },
    });
    expect(shown[0].view).toEqual({
      errorSummary: [{ text: 'Choose an answer', href: '#row-q0' }],
      fieldErrors: { 'row-q0': { text: 'Choose an answer', visuallyHiddenText: 'common.errorPrefix' } },
    });
  });
});
