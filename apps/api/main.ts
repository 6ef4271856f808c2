// Entry point for `node dist/apps/api/main.js`.
import { bootstrapApi } from './src/main';

bootstrapApi().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
