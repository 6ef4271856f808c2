import type { Actor } from '@app/identity';
import type { INestApplicationContext } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A demo sign-in printed by `npm start` (never in production). */
export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  note?: string;
}

/** What seeds share: the Nest context (for services), the one transaction, and what earlier seeds made. */
export interface SeedContext {
  app: INestApplicationContext;
  manager: EntityManager;
  logins: DemoLogin[];
  /** Filled by the identity seed, for seeds that need owners and advisers. */
  users: {
    admin?: Actor;
    officers: Actor[];
    advisers: { user: Actor; region: string }[];
    smes: Actor[];
  };
}

/** One domain's demo data. Add a file per domain in this folder and list it in seeds/index.ts. */
export interface DemoSeed {
  name: string;
  run(context: SeedContext): Promise<void>;
}
