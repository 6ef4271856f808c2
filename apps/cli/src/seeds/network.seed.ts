import { SYSTEM_AUDIT_CONTEXT } from '@app/audit-log';
import { ExpertInvitationsService, ExpertsService, type CreateExpertDto } from '@app/network';
import { DEMO_PASSWORD } from './identity.seed';
import type { DemoSeed, SeedContext } from './demo-seed';

/** A small network of experts with varied expertise, markets and load, so matching has something to explain. */
const EXPERTS: CreateExpertDto[] = [
  {
    name: 'Ana Ruiz',
    organisation: 'Madrid Chamber of Commerce',
    email: 'ana.ruiz@experts.demo.example',
    languages: ['es', 'en'],
    expertise: ['product_market', 'operational'],
    markets: ['ES', 'MX', 'DE'],
    naceSections: ['C'],
    supportMeasures: ['agents-distributors', 'trade-visits'],
    capacityPerMonth: 3,
    consentToContact: true,
  },
  {
    name: 'Jonas Becker',
    organisation: 'Furniture exporter, Cologne',
    email: 'jonas.becker@experts.demo.example',
    languages: ['de', 'en'],
    expertise: ['psychological', 'organisational', 'product_market'],
    markets: ['DE', 'AT', 'CH'],
    naceSections: ['C', 'G'],
    supportMeasures: ['agents-distributors'],
    capacityPerMonth: 2,
    consentToContact: true,
  },
  {
    name: 'Priya Shah',
    organisation: 'Social media practitioner',
    email: 'priya.shah@experts.demo.example',
    languages: ['en'],
    expertise: ['social_media'],
    markets: ['US', 'CA', 'JP'],
    naceSections: ['J', 'M'],
    supportMeasures: ['social-media-training'],
    capacityPerMonth: 4,
    consentToContact: true,
  },
  {
    name: 'Tom Hughes',
    organisation: 'Export finance specialist',
    email: 'tom.hughes@experts.demo.example',
    languages: ['en'],
    expertise: ['organisational', 'operational'],
    markets: ['US', 'FR'],
    naceSections: [],
    supportMeasures: ['export-finance', 'documentation', 'logistics'],
    capacityPerMonth: 2,
    consentToContact: false,
  },
];

/**
 * The experts directory of the demo, added through the service officers use (audited as the system). The
 * first expert was invited by an officer and accepted, so the demo has an `expert` account to sign in with.
 */
export const networkSeed: DemoSeed = {
  name: 'network',
  async run(context: SeedContext): Promise<void> {
    const experts = context.app.get(ExpertsService);
    const ctx = { ...SYSTEM_AUDIT_CONTEXT, requestId: 'seed-demo' };
    const ids: string[] = [];
    for (const expert of EXPERTS) ids.push((await experts.create(expert, ctx, context.manager)).id);
    const officer = context.users.officers[0];
    if (!officer) return;
    const invitations = context.app.get(ExpertInvitationsService);
    const invitation = await invitations.invite(officer, ids[0], ctx, context.manager);
    await invitations.accept(
      invitation.id,
      { acceptTerms: 'yes', password: DEMO_PASSWORD },
      ctx,
      context.manager,
    );
    context.logins.push({
      role: 'expert',
      email: EXPERTS[0].email,
      password: DEMO_PASSWORD,
      note: 'network expert',
    });
  },
};
