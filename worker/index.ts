import { app } from './app';

export type { Env } from './env';

/** The app's type, for Hono's typed client (`hc<AppType>(url)`) in the extension. */
export type AppType = typeof app;
export default app;
