import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../support/chromium';

/**
 * Browser tests need a real Chromium and a fresh build of the extension. Missing Chromium is a
 * failure (with the way to get one), unless VERIGUIDE_SKIP_BROWSER=1 says otherwise out loud.
 */
export default function setup(project: TestProject): void {
  const chromium = findChromium();
  if (!chromium) {
    if (process.env.VERIGUIDE_SKIP_BROWSER === '1') {
      console.warn(
        '\n!!!!!!!!!! BROWSER TESTS SKIPPED (VERIGUIDE_SKIP_BROWSER=1): no Chromium was used !!!!!!!!!!\n',
      );
      project.provide('chromiumPath', '');
      return;
    }
    throw new Error(
      'No Chromium found for the browser tests. Install one with `apt-get install chromium` ' +
        '(Debian/Ubuntu) or point CHROME_PATH at a Chromium/Chrome binary. ' +
        'To run everything else, set VERIGUIDE_SKIP_BROWSER=1.',
    );
  }
  // Always test the extension as it is now, not an old build, and as users get it: vitest sets
  // NODE_ENV=test, which would compile JSX with Preact's development runtime.
  execFileSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  project.provide('chromiumPath', chromium);
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}
