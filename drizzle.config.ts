import { defineConfig } from 'drizzle-kit';

// drizzle-kit writes flat SQL files into the folder wrangler applies (`migrations_dir`).
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema.ts',
  out: './worker/db/migrations',
});
