import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { TEMPLATE_DATABASE } from '../support/test-env';

export default async function globalTeardown(): Promise<void> {
  if (process.env.TEST_EXPORT_DIR) await rm(process.env.TEST_EXPORT_DIR, { recursive: true, force: true });
  const services = globalThis.__TEST_SERVICES__;
  if (!services) return;
  if (services.started.length === 0) {
    // A server we did not start: leave it as we found it.
    const admin = new Client({ connectionString: services.adminDatabaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.end();
  }
  await services.stop();
}
