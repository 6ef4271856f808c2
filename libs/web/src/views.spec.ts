import type { AppConfig } from '@app/config';
import { translator, type Language } from './i18n';
import { createViewEnvironment } from './views';

const env = createViewEnvironment({ PROGRAMME_TIME_ZONE: 'Europe/London' } as AppConfig);
const render = (template: string, lang: Language, values: Record<string, unknown> = {}): string =>
  env.renderString(template, { lang, t: translator(lang), ...values });

describe('page filters', () => {
  it('write dates, times and numbers in the page’s language and the programme’s zone', () => {
    const at = new Date('2026-12-04T23:30:00Z');
    expect(render('{{ at | date }}', 'de', { at })).toBe('4. Dezember 2026');
    expect(render('{{ at | date }}', 'es', { at })).toBe('4 de diciembre de 2026');
    expect(render('{{ at | datetime }}', 'en', { at })).toBe('4 Dec 2026, 23:30');
    expect(render('{{ day | date }}', 'de', { day: '2026-07-01' })).toBe('1. Juli 2026');
    expect(render('{{ n | number }}', 'de', { n: 22500 })).toBe('22.500');
    expect(render('{{ n | number }}', 'en', { n: 22500 })).toBe('22,500');
    // An exchange rate keeps its digits when asked (Intl stops at three by default).
    expect(render('{{ n | number(6) }}', 'de', { n: 0.0061 })).toBe('0,0061');
    expect(render('{{ n | number }}', 'en', { n: 0.0061 })).toBe('0.006');
  });

  it('show codes as their labels in the page’s language', () => {
    expect(render('{{ r | label("enrolment.regions") }}', 'de', { r: 'north-east' })).not.toBe('north-east');
    expect(render('{{ r | label("enrolment.regions") }}', 'en', { r: 'north-east' })).toBe(
      'North East England',
    );
    expect(render('{{ p | labels("enrolment.platforms") }}', 'en', { p: ['linkedin', 'xing'] })).toBe(
      'LinkedIn, XING',
    );
  });

  it('word a timeline event with the module’s title in the page’s language, or its code for old events', () => {
    const title = { en: 'Selling abroad', es: 'Vender fuera', de: 'Im Ausland verkaufen' };
    const line = '{{ t("timeline.training.completed", data | eventValues) }}';
    expect(render(line, 'de', { data: { moduleCode: 'selling-abroad', moduleTitle: title } })).toBe(
      'Schulung abgeschlossen: Im Ausland verkaufen',
    );
    expect(render(line, 'en', { data: { moduleCode: 'selling-abroad' } })).toBe(
      'Training completed: selling-abroad',
    );
    expect(render('{{ t("timeline.case.opened") }}', 'es')).toBe('Caso abierto');
  });
});
