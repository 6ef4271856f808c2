import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import { offlineApiDocument } from './api-document-offline';

/** The committed types of the API, generated from the served document. */
export const API_TYPES_PATH = join(__dirname, '..', '..', '..', 'test', 'support', 'api-types.ts');

const HEADER = `/**
 * The API's types, generated from the OpenAPI document by \`npm run api:client\` (openapi-typescript).
 * Do not edit: change the controllers' decorators and run it again. \`npm run api:client -- --check\`
 * (part of \`npm run check\`) fails when this file and the document differ.
 */
`;

export async function renderApiTypes(): Promise<string> {
  const document = await offlineApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    exportType: false,
  });
  const options = { ...(await prettier.resolveConfig(API_TYPES_PATH)), filepath: API_TYPES_PATH };
  return prettier.format(HEADER + astToString(ast), options);
}

async function main(): Promise<void> {
  const next = await renderApiTypes();
  let current = '';
  try {
    current = readFileSync(API_TYPES_PATH, 'utf8');
  } catch {
    // first run
  }
  if (process.argv.includes('--check')) {
    if (next !== current) {
      console.error(
        'test/support/api-types.ts is stale: the API document changed. Run `npm run api:client`.',
      );
      process.exitCode = 1;
    } else console.log('test/support/api-types.ts matches the API document.');
    return;
  }
  if (next !== current) writeFileSync(API_TYPES_PATH, next);
  console.log(next === current ? 'API types were up to date.' : 'test/support/api-types.ts written.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
