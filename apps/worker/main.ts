// Entry point for `node dist/apps/worker/main.js`.
import { bootstrapWorker } from './src/main';

bootstrapWorker().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
