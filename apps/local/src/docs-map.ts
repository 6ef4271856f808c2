import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import prettier from 'prettier';
import { renderErrorCodes, withErrorCodes } from './error-codes-doc';
import { readLibMap, renderLibMap, withLibMap } from './lib-map';

/**
 * `npm run docs:map` writes the README's table of libs (tables, events, routes, imports) and docs/api.md's
 * list of error codes from the code; `npm run docs:map -- --check` (part of `npm run check`) fails when
 * either differs from the code.
 */
async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  await writeGenerated(join(root, 'README.md'), 'the table of libs', (md) =>
    withLibMap(md, renderLibMap(readLibMap(root))),
  );
  await writeGenerated(join(root, 'docs', 'api.md'), 'the list of error codes', (md) =>
    withErrorCodes(md, renderErrorCodes()),
  );
}

async function writeGenerated(path: string, what: string, render: (md: string) => string): Promise<void> {
  const name = relative(join(__dirname, '..', '..', '..'), path);
  const current = readFileSync(path, 'utf8');
  const options = { ...(await prettier.resolveConfig(path)), filepath: path };
  const next = await prettier.format(render(current), options);
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error(`${name}: ${what} no longer matches the code. Run \`npm run docs:map\`.`);
      process.exitCode = 1;
    } else console.log(`${name}: ${what} matches the code.`);
    return;
  }
  if (next !== current) writeFileSync(path, next);
  console.log(next === current ? `${name}: ${what} was up to date.` : `${name}: ${what} written.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
