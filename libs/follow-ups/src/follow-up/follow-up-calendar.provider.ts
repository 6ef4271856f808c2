import { AppConfig } from '@app/config';
import { Provider } from '@nestjs/common';
import { WorkingCalendar } from '../calendar/working-calendar';
import { FollowUpRulesFile, loadFollowUpRules } from '../config/follow-up-rules';

/** The rules file, loaded and validated once per process (a bad file stops start-up). */
export const rulesProvider: Provider = {
  provide: FollowUpRulesFile,
  useFactory: () => loadFollowUpRules(),
};

export const calendarProvider: Provider = {
  provide: WorkingCalendar,
  inject: [AppConfig, FollowUpRulesFile],
  useFactory: (config: AppConfig, rules: FollowUpRulesFile) =>
    new WorkingCalendar({ timeZone: config.PROGRAMME_TIME_ZONE, ...rules.calendar }),
};
