import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Operation } from './openapi';

/** Who sends an operation's variants, and the real records its path parameters name. */
export interface Target {
  email: string;
  path: Record<string, string>;
  headers: Record<string, string>;
}

/**
 * The caller: an officer where the operation's `x-roles` allow one (officers may see every record),
 * otherwise the first role listed; operations without `x-roles` take any signed-in user (an officer).
 * SMEs and advisers are the ones who own the record the path names.
 */
export function roleFor(op: Operation): string {
  if (!op.roles || op.roles.includes('officer')) return 'officer';
  return op.roles[0];
}

async function one(
  data: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<Record<string, string> | undefined> {
  const rows = (await data.query(sql, params)) as Record<string, string>[];
  return rows[0];
}

/** A case with audits, recommendations and bookings (so nested paths name real records too). */
const RICH_CASE = `
  SELECT c.id, u.email AS sme, a.email AS adviser FROM cases c
    JOIN enrolments e ON e.id = c.enrolment_id JOIN users u ON u.id = e.user_id
    LEFT JOIN users a ON a.id = c.assigned_adviser_id
   ORDER BY (SELECT count(*) FROM readiness_audits r WHERE r.case_id = c.id) > 0 DESC,
            (SELECT count(*) FROM readiness_recommendations r WHERE r.case_id = c.id) > 0 DESC,
            (SELECT count(*) FROM training_booking b WHERE b.case_id = c.id) > 0 DESC,
            c.assigned_adviser_id IS NOT NULL DESC, c.id
   LIMIT 1`;

/** Real ids for the path of `op`, as seen by `role`; a random UUID where the demo data has none. */
export async function targetFor(
  data: DataSource,
  op: Operation,
  role: string,
  officerEmail: string,
): Promise<Target> {
  const path: Record<string, string> = {};
  let email = officerEmail;
  const p = op.path;
  const found = (row: Record<string, string> | undefined, column = 'id'): string =>
    row?.[column] ?? randomUUID();

  if (p.startsWith('/api/v1/enrolments/{id}')) {
    const row = await one(
      data,
      `SELECT e.id, u.email FROM enrolments e JOIN users u ON u.id = e.user_id
        ORDER BY (e.status = 'draft') DESC, e.id LIMIT 1`,
    );
    path.id = found(row);
    if (role === 'sme' && row) email = row.email;
  } else if (p.startsWith('/api/v1/duplicate-flags/{id}')) {
    path.id = found(
      await one(data, `SELECT id FROM duplicate_flags ORDER BY (status = 'open') DESC LIMIT 1`),
    );
  } else if (p.startsWith('/api/v1/cases/{id}')) {
    const kase = await one(data, RICH_CASE);
    path.id = found(kase);
    if (role === 'adviser' && kase?.adviser) email = kase.adviser;
    if (role === 'sme' && kase) email = kase.sme;
    if (p.includes('{auditId}'))
      path.auditId = found(
        // Staff work adviser audits, an SME its own self-assessment.
        await one(
          data,
          `SELECT id FROM readiness_audits WHERE case_id = $1
            ORDER BY (kind = $2) DESC, (status = 'draft') DESC LIMIT 1`,
          [path.id, role === 'sme' ? 'self' : 'adviser'],
        ),
      );
    if (p.includes('{interactionId}'))
      path.interactionId = found(
        await one(data, `SELECT id FROM interactions WHERE case_id = $1 ORDER BY occurred_on LIMIT 1`, [
          path.id,
        ]),
      );
    if (p.includes('{recommendationId}'))
      path.recommendationId = found(
        await one(data, `SELECT id FROM readiness_recommendations WHERE case_id = $1 LIMIT 1`, [path.id]),
      );
  } else if (p.startsWith('/api/v1/companies/{id}')) {
    // A company with an assigned case, so its adviser may see it too.
    const company = await one(
      data,
      `SELECT c.company_id AS id, a.email AS adviser FROM cases c
         JOIN users a ON a.id = c.assigned_adviser_id ORDER BY c.opened_at, c.id LIMIT 1`,
    );
    path.id = found(company);
    if (role === 'adviser' && company?.adviser) email = company.adviser;
    if (p.includes('{contactId}'))
      path.contactId = found(
        await one(
          data,
          `SELECT id FROM company_contacts WHERE company_id = $1 ORDER BY is_primary DESC, id LIMIT 1`,
          [path.id],
        ),
      );
  } else if (p.startsWith('/api/v1/advisers/{id}')) {
    path.id = found(
      await one(data, `SELECT user_id FROM adviser_profiles ORDER BY active_cases DESC LIMIT 1`),
      'user_id',
    );
  } else if (p.startsWith('/api/v1/training/modules/{code}')) {
    path.code = found(
      await one(data, `SELECT code FROM training_module WHERE retired_at IS NULL ORDER BY code LIMIT 1`),
      'code',
    );
  } else if (p.startsWith('/api/v1/training/bookings/{id}')) {
    const row = await one(
      data,
      `SELECT b.id, u.email FROM training_booking b JOIN cases c ON c.id = b.case_id
         JOIN enrolments e ON e.id = c.enrolment_id JOIN users u ON u.id = e.user_id
        ORDER BY (b.status = 'completed') DESC, b.id LIMIT 1`,
    );
    path.id = found(row);
    if (role === 'sme' && row) email = row.email;
  } else if (p.startsWith('/api/v1/opportunities/{id}')) {
    // An opportunity on a case with an adviser, as its adviser (or an officer) sees it.
    const row = await one(
      data,
      `SELECT o.id, a.email AS adviser FROM export_opportunities o JOIN cases c ON c.id = o.case_id
         LEFT JOIN users a ON a.id = c.assigned_adviser_id ORDER BY o.created_at, o.id LIMIT 1`,
    );
    path.id = found(row);
    if (role === 'adviser' && row?.adviser) email = row.adviser;
  } else if (p.startsWith('/api/v1/export-wins/{id}')) {
    const row = await one(
      data,
      `SELECT w.id, a.email AS adviser FROM export_wins w JOIN cases c ON c.id = w.case_id
         LEFT JOIN users a ON a.id = c.assigned_adviser_id ORDER BY w.created_at, w.id LIMIT 1`,
    );
    path.id = found(row);
    if (role === 'adviser' && row?.adviser) email = row.adviser;
  } else if (p.startsWith('/api/v1/notifications/{id}')) {
    // One of the caller's own messages (anyone signed in has an inbox).
    const row = await one(
      data,
      `SELECT n.id, u.email FROM notification n JOIN users u ON u.id = n.recipient_user_id
        WHERE u.role = $1 AND u.active ORDER BY n.created_at LIMIT 1`,
      [role],
    );
    path.id = found(row);
    if (row) email = row.email;
  } else if (p.startsWith('/api/v1/training/sessions/{id}')) {
    path.id = found(await one(data, `SELECT id FROM training_session ORDER BY starts_at DESC LIMIT 1`));
  } else if (p.startsWith('/api/v1/reports/exports/{id}')) {
    path.id = found(
      await one(
        data,
        `SELECT r.id FROM report_exports r JOIN users u ON u.id = r.requested_by WHERE u.email = $1 LIMIT 1`,
        [officerEmail],
      ),
    );
  } else if (p.startsWith('/api/v1/data-protection/requests/{id}')) {
    path.id = found(await one(data, `SELECT id FROM data_protection_request ORDER BY created_at LIMIT 1`));
  } else if (p.startsWith('/api/v1/webhooks/endpoints/{id}')) {
    path.id = found(await one(data, `SELECT id FROM webhook_endpoints ORDER BY created_at LIMIT 1`));
  } else if (p.startsWith('/api/v1/introductions/{id}')) {
    const row = await one(
      data,
      `SELECT i.id, a.email AS adviser FROM introductions i JOIN cases c ON c.id = i.case_id
         LEFT JOIN users a ON a.id = c.assigned_adviser_id ORDER BY i.created_at LIMIT 1`,
    );
    path.id = found(row);
    if (role === 'adviser' && row?.adviser) email = row.adviser;
  } else if (p.startsWith('/api/v1/experts/me/introductions/{id}')) {
    // An introduction asked of the demo's expert with an account (or none: a random id names nothing).
    const row = await one(
      data,
      `SELECT i.id, u.email FROM introductions i JOIN experts e ON e.id = i.expert_id
         JOIN users u ON u.id = e.user_id ORDER BY i.created_at LIMIT 1`,
    );
    path.id = found(row);
    if (row) email = row.email;
  } else if (p.startsWith('/api/v1/referrals/{id}')) {
    // A referral of the demo data, or none: a random id then names nothing (a 404 is a 4xx too).
    const row = await one(
      data,
      `SELECT r.id, a.email AS adviser FROM partner_referrals r JOIN cases c ON c.id = r.case_id
         LEFT JOIN users a ON a.id = c.assigned_adviser_id ORDER BY r.created_at LIMIT 1`,
    );
    path.id = found(row);
    if (role === 'adviser' && row?.adviser) email = row.adviser;
  } else if (p.startsWith('/api/v1/experts/{id}')) {
    path.id = found(await one(data, `SELECT id FROM experts ORDER BY created_at LIMIT 1`));
  } else if (p.startsWith('/api/v1/webhooks/deliveries/{id}')) {
    path.id = found(await one(data, `SELECT id FROM webhook_deliveries ORDER BY created_at LIMIT 1`));
  }
  if (role !== 'officer' && email === officerEmail) {
    // No record names the caller: any active user of the role (an SME registering a company, an adviser).
    email = found(
      await one(data, `SELECT email FROM users WHERE role = $1 AND active ORDER BY email LIMIT 1`, [role]),
      'email',
    );
  }
  for (const name of op.parameters.filter((x) => x.in === 'path').map((x) => x.name)) {
    if (!path[name])
      throw new Error(`${op.id}: no fixture for path parameter ${name}; add one in fixtures.ts`);
  }
  const headers: Record<string, string> = {};
  for (const h of op.parameters.filter((x) => x.in === 'header' && x.required))
    headers[h.name.toLowerCase()] = randomUUID();
  return { email, path, headers };
}
