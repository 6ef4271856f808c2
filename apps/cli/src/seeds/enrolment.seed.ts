import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { EnrolmentAnswersDto, EnrolmentService } from '@app/enrolment';
import type { Actor } from '@app/identity';
import type { DemoSeed, SeedContext } from './demo-seed';

/** A complete application; each demo company changes what makes its outcome differ. */
function answers(
  company: NonNullable<EnrolmentAnswersDto['company']>,
  exported: boolean,
): EnrolmentAnswersDto {
  return {
    company: { currency: 'GBP', yearFounded: 2011, socialProfiles: [], ...company },
    exportStatus: exported
      ? {
          exportedLast12Months: true,
          exportSharePercent: 20,
          markets: ['FR', 'DE'],
          orderOrigin: 'unsolicited',
        }
      : { exportedLast12Months: false },
    targetMarkets: ['US', 'CA', 'JP'],
    barriers: { selected: ['operational', 'social_media'], note: null },
    helpWanted: ['market-research', 'social-media-training'],
    consent: { dataProcessing: true, evaluationContact: true },
  };
}

/**
 * Enrolments in every state, through the same EnrolmentService as the pages: drafts, eligible ones with
 * their case (awaiting assignment), an ineligible one, an appeal waiting for an officer, a withdrawn one,
 * and a near-duplicate flag for the officers' queue.
 */
export const enrolmentSeed: DemoSeed = {
  name: 'enrolment',
  async run(context: SeedContext): Promise<void> {
    const service = context.app.get(EnrolmentService);
    const m = context.manager;
    const ctx = (actor: Actor) => ({ ...SYSTEM_AUDIT_CONTEXT, actorId: actor.id, requestId: 'seed-demo' });
    const [sofia, highland, bruckner, ceramica] = context.users.smes;
    if (!sofia || !highland || !bruckner || !ceramica) return;
    const submit = async (actor: Actor, dto: EnrolmentAnswersDto) => {
      const draft = await service.createDraft(actor, dto, ctx(actor), { manager: m });
      return service.submit(actor, draft.id, ctx(actor), { manager: m });
    };

    // Eligible, exporting: a passive exporter's case waits for an adviser.
    await submit(
      highland,
      answers(
        {
          legalName: 'Highland Smokehouse Ltd',
          registrationNumber: 'SC400100',
          registrationCountry: 'GB',
          region: 'scotland',
          naceCode: '10.20',
          employees: 18,
          turnoverMinor: 210_000_000,
        },
        true,
      ),
    );
    // The same owner's second business: eligible non-exporter, flagged as a near duplicate of the first.
    await submit(
      highland,
      answers(
        {
          legalName: 'Highland Smoke House Ltd',
          registrationNumber: 'SC400199',
          registrationCountry: 'GB',
          region: 'scotland',
          naceCode: '10.20',
          employees: 4,
          turnoverMinor: 30_000_000,
        },
        false,
      ),
    );
    // Ineligible (too many employees), then appealed: waits for an officer.
    const decided = await submit(
      bruckner,
      answers(
        {
          legalName: 'Brückner Feinmechanik GmbH',
          registrationNumber: 'HRB 12345',
          registrationCountry: 'DE',
          vatNumber: 'DE136695976',
          region: 'north-east',
          naceCode: '28.41',
          employees: 260,
          turnoverMinor: 3_900_000_000,
          currency: 'EUR',
        },
        true,
      ),
    );
    await service.appeal(
      bruckner,
      decided.id,
      'Our headcount fell to 230 after the sale of our Polish subsidiary in March.',
      ctx(bruckner),
      { manager: m },
    );
    // Ineligible (registered outside the programme regions), left as it is.
    await submit(
      ceramica,
      answers(
        {
          legalName: 'Cerámica del Sur S.L.',
          registrationNumber: 'B41234567',
          registrationCountry: 'ES',
          region: 'outside',
          naceCode: '23.41',
          employees: 9,
          turnoverMinor: 45_000_000,
          currency: 'EUR',
        },
        false,
      ),
    );
    // Sofia: an application submitted like any other (eligible: its case waits for an adviser; no
    // enrolment is left "submitted" without a decision), a withdrawn draft, and the draft she is working on.
    await submit(
      sofia,
      answers(
        {
          legalName: 'Sofia Knitwear Ltd',
          registrationNumber: 'SC778899',
          registrationCountry: 'GB',
          region: 'wales',
          naceCode: '14.39',
          employees: 11,
          turnoverMinor: 90_000_000,
        },
        false,
      ),
    );
    const abandoned = await service.createDraft(
      sofia,
      { company: { legalName: 'Sofia Homewares Ltd' } },
      ctx(sofia),
      {
        manager: m,
      },
    );
    await service.withdraw(sofia, abandoned.id, ctx(sofia), { manager: m });
    await service.createDraft(
      sofia,
      {
        company: {
          legalName: 'Sofia Textiles Ltd',
          registrationCountry: 'GB',
          region: 'london',
          naceCode: '13.92',
        },
      },
      ctx(sofia),
      { manager: m },
    );
  },
};
