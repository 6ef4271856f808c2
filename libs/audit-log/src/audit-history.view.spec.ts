import type { AppConfig } from '@app/config';
import { createViewEnvironment } from '@app/web';

describe('audit/history.njk', () => {
  const env = createViewEnvironment({ PROGRAMME_TIME_ZONE: 'Europe/London' } as AppConfig);
  const t = (key: string): string => ({ 'identity.audit.historyTitle': 'History' })[key] ?? key;
  const render = (events: unknown[]): string =>
    env.renderString('{% from "audit/history.njk" import auditHistory %}{{ auditHistory(events, t) }}', {
      events,
      t,
    });

  it('shows each event with its changed fields, before → after', () => {
    const html = render([
      {
        occurredAt: new Date('2026-03-01T10:00:00Z'),
        action: 'enrolment.updated',
        before: { employees: 10 },
        after: { employees: 12, website: 'https://a.example' },
      },
    ]);
    expect(html).toContain('History');
    expect(html).toContain('enrolment.updated');
    expect(html).toMatch(/employees<\/strong>: 10 → 12/);
    expect(html).toMatch(/website<\/strong>: – → &quot;https:\/\/a.example&quot;/);
  });

  it('says so when there is no history', () => {
    expect(render([])).toContain('identity.audit.none');
  });
});
