// Entry point for `npm run cli -- …` (ts-node) and `node dist/apps/cli/main.js …` (built).
import 'reflect-metadata';
import { describeCliError, runCli } from './src/main';
import { withCliServices } from './src/cli-services';

withCliServices(() => runCli(process.argv.slice(2))).then(
  (output) => {
    console.log(output);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(describeCliError(error));
    process.exit(1);
  },
);
