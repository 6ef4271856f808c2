import { join } from 'node:path';
import { ALLOWED_FOREIGN_WRITES } from './table-writes-allowed';
import { foreignWrites, productionSources, tableOwners } from './table-ownership';

/**
 * `npm run tables:check` (part of `npm run check`): fails when SQL in one lib (or an app) inserts, updates,
 * deletes or truncates a table whose `@Entity` lives in another lib, or a TypeORM call naming such an
 * entity writes it. The owners are the libs' entity folders
 * (the README's table of libs lists them); the exceptions are ALLOWED_FOREIGN_WRITES.
 */
function main(): void {
  const root = join(__dirname, '..', '..', '..');
  const owners = tableOwners(root);
  const found = foreignWrites(productionSources(root), owners, ALLOWED_FOREIGN_WRITES);
  if (found.length === 0) {
    console.log(`Tables: no lib writes another lib's table (${owners.size} tables checked).`);
    return;
  }
  for (const w of found)
    console.error(
      `${w.file}:${w.line}: ${w.writer} writes ${w.table} (${w.verb}), ` +
        (w.owner ? `which @app/${w.owner} owns: call its service instead` : 'a table named at run time'),
    );
  console.error(
    `${found.length} write(s) of another lib's table. Call the owning lib's service, or add an entry with ` +
      'its reason to apps/local/src/table-writes-allowed.ts.',
  );
  process.exitCode = 1;
}

main();
