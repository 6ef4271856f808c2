import { renderEmail } from './email-renderer';
import { de } from './templates/de';
import { en } from './templates/en';
import { es } from './templates/es';

describe('renderEmail', () => {
  it('escapes values in HTML but not in the plain-text part', () => {
    const email = renderEmail('first-contact.assignee', 'en', {
      name: 'Ada',
      companyName: 'Tom & <Jerry> Ltd',
      dueDate: '1 December 2026',
      link: 'http://localhost/cases/1',
    });
    expect(email.subject).toBe('Reminder: first contact with Tom & <Jerry> Ltd due 1 December 2026');
    expect(email.text).toContain('Tom & <Jerry> Ltd');
    expect(email.html).toContain('Tom &amp; &lt;Jerry&gt; Ltd');
    expect(email.html).not.toContain('<Jerry>');
  });

  it('falls back to the generic wording for a rule without its own template', () => {
    const email = renderEmail(
      'brand-new-rule.assignee',
      'de',
      { description: 'Neue Regel', dueDate: 'heute' },
      'generic.escalate',
    );
    expect(email.subject).toBe('Eskalation: Neue Regel überfällig');
  });

  it('has every template in every language, with the same placeholders', () => {
    const placeholders = (text: string): string =>
      [...text.matchAll(/\{\{(\w+)\}\}/g)]
        .map((m) => m[1])
        .sort()
        .join();
    for (const [lang, set] of Object.entries({ es, de })) {
      expect([lang, Object.keys(set.templates).sort()]).toEqual([lang, Object.keys(en.templates).sort()]);
      for (const [key, template] of Object.entries(en.templates)) {
        expect([lang, key, placeholders(set.templates[key].body)]).toEqual([
          lang,
          key,
          placeholders(template.body),
        ]);
      }
    }
  });

  it('tells officers in their language that a new case waits for an adviser', () => {
    const email = renderEmail(
      'case-unassigned.officer',
      'de',
      { name: 'Olga', companyName: 'Kestrel Ltd' },
      'generic.escalate',
    );
    expect(email.subject).toBe('Keine Beratung konnte Kestrel Ltd übernehmen: Bitte weisen Sie den Fall zu');
  });
});
