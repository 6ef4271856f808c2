import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import prettier from 'prettier';
import { readLibMap, renderLibMap, withLibMap } from './lib-map';

/**
 * `npm run docs:map` writes the README's table of libs (tables, events, routes, imports) from the code;
 * `npm run docs:map -- --check` (part of `npm run check`) fails when the README's table and the code differ.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const path = join(root, 'README.md');
  const current = readFileSync(path, 'utf8');
  const options = { ...(await prettier.resolveConfig(path)), filepath: path };
  const next = await prettier.format(withLibMap(current, renderLibMap(readLibMap(root))), options);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error('README.md: the table of libs no longer matches the code. Run `npm run docs:map`.');
      process.exitCode = 1;
    } else console.log('README.md: the table of libs matches the code.');
    return;
  }
  if (next !== current) writeFileSync(path, next);
  console.log(
    next === current ? 'README.md: the table of libs was up to date.' : 'README.md: table of libs written.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
