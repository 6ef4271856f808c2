import { renderEmail } from './email-renderer';

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
});
