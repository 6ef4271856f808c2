import type { Contact, LanguageCode } from '@app/messaging';
import type { EntityManager } from 'typeorm';
import { writingLanguage } from '../domain/expertise';
import type { Expert } from '../entities/expert.entity';
import { Peer } from '../entities/peer.entity';

/**
 * Who an introduction asks, whether an expert or a peer SME: the name the case's side sees (the expert, or
 * the peer's company), the person written to, and in which language.
 */
export interface IntroductionTarget {
  kind: 'expert' | 'peer';
  id: string;
  /** The expert's name, or the peer's company name. */
  name: string;
  /** The person the emails greet: the expert, or the peer company's contact. */
  contactName: string;
  email: string;
  language: LanguageCode;
  organisation: string;
  phone: string | null;
}

export function introductionTarget(expert: Expert): IntroductionTarget {
  return {
    kind: 'expert',
    id: expert.id,
    name: expert.name,
    contactName: expert.name,
    email: expert.email,
    language: writingLanguage(expert.languages),
    organisation: expert.organisation,
    phone: expert.phone,
  };
}

/**
 * The peer as an introduction's target, its row locked for a request (`lock`: one request at a time, so
 * two advisers cannot both take its last slot). Its contact is the company contact of the case that
 * qualified it, written to in their own language; null for no such peer.
 */
export async function lockTarget(
  m: EntityManager,
  peerId: string,
  contactOf: (caseId: string) => Promise<Contact | null>,
  lock = true,
): Promise<IntroductionTarget | null> {
  const peer = await m
    .getRepository(Peer)
    .findOne({ where: { id: peerId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!peer) return null;
  const [company] = (await m.query(`SELECT legal_name FROM companies WHERE id = $1`, [peer.companyId])) as {
    legal_name: string;
  }[];
  const contact = await contactOf(peer.caseId);
  return {
    kind: 'peer',
    id: peer.id,
    name: company?.legal_name ?? '',
    contactName: contact?.name ?? '',
    email: contact?.email ?? '',
    language: contact?.language ?? writingLanguage(peer.languages),
    organisation: '',
    phone: null,
  };
}
