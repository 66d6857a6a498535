import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Every test file starts from the real migrations on its own isolated local D1.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
