import { AppConfig } from '@app/config';
import { UnitOfWork } from '@app/database';
import { STAGES, type Stage } from '@app/cases';
import { DomainEvent, HandlesEvent, NotificationService } from '@app/messaging';
import { Injectable } from '@nestjs/common';

type Language = 'en' | 'es' | 'de';

/** Stage names as the SME reads them in its email (the pages use the same wording from libs/web/locales). */
const STAGE_NAMES: Record<Language, Record<Stage, string>> = {
  en: {
    non_exporter: 'non-exporter',
    passive_exporter: 'passive exporter',
    proactive_exporter: 'proactive exporter',
  },
  es: {
    non_exporter: 'no exportadora',
    passive_exporter: 'exportadora pasiva',
    proactive_exporter: 'exportadora proactiva',
  },
  de: {
    non_exporter: 'Nicht-Exporteur',
    passive_exporter: 'passiver Exporteur',
    proactive_exporter: 'proaktiver Exporteur',
  },
};

interface Recipient {
  user_id: string | null;
  email: string;
  name: string;
  active: boolean;
  company_name: string;
  language: string | null;
}

/**
 * Worker side: tells the SME its export stage changed — a short congratulation when it moved forward, a
 * next-steps note when an adviser moved it back — in the language it enrolled in. One email per
 * transition (idempotency key), however often the event is delivered; nothing for a deactivated account.
 */
@Injectable()
export class StageChangedNotifier {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationService,
    private readonly config: AppConfig,
  ) {}

  @HandlesEvent('stage.changed')
  async handle(event: DomainEvent<'stage.changed'>): Promise<string | 'skipped'> {
    const { from, to, transitionId } = event.payload;
    if (!isStage(from) || !isStage(to) || typeof transitionId !== 'string') return 'skipped';
    return this.uow.run(async (m) => {
      const rows = (await m.query(
        // The company's primary contact in their language, else the SME who enrolled (in the case's language).
        `SELECT COALESCE(pc.user_id, CASE WHEN pc.id IS NULL THEN u.id END) AS user_id,
                COALESCE(pc.email, u.email) AS email, COALESCE(pc.name, u.name) AS name,
                CASE WHEN pc.id IS NULL THEN u.active ELSE COALESCE(pu.active, true) END AS active,
                co.legal_name AS company_name, COALESCE(pc.preferred_language, w.language) AS language
           FROM cases c
           JOIN enrolments e ON e.id = c.enrolment_id
           JOIN users u ON u.id = e.user_id
           JOIN companies co ON co.id = c.company_id
           LEFT JOIN company_contacts pc
             ON pc.company_id = c.company_id AND pc.is_primary AND pc.archived_at IS NULL
           LEFT JOIN users pu ON pu.id = pc.user_id
           LEFT JOIN case_work w ON w.case_id = c.id
          WHERE c.id = $1`,
        [event.aggregateId],
      )) as Recipient[];
      const sme = rows[0];
      if (!sme || !sme.active) return 'skipped';
      const language: Language = sme.language === 'es' || sme.language === 'de' ? sme.language : 'en';
      const forward = STAGES.indexOf(to) > STAGES.indexOf(from);
      return this.notifications.notify(m, {
        idempotencyKey: `stage-changed:${transitionId}`,
        kind: forward ? 'stage-changed.sme' : 'stage-changed-back.sme',
        caseId: event.aggregateId,
        recipient: { userId: sme.user_id, email: sme.email, name: sme.name, language },
        values: {
          companyName: sme.company_name,
          stageName: STAGE_NAMES[language][to],
          previousStageName: STAGE_NAMES[language][from],
          link: `${this.config.APP_BASE_URL}/home`,
        },
      });
    });
  }
}

function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}
