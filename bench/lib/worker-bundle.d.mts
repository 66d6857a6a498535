// Types for worker-bundle.mjs.
export const WORKER_BUDGET_GZIP: number;
export interface WorkerBundle {
  modules: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}
export function bundleWorker(outDir: string, opts?: { minify?: boolean }): WorkerBundle;
