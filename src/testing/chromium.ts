import { existsSync } from 'node:fs';
import { AppError } from '../core/app-error.js';

/**
 * The browser the console tests drive (playwright-core brings no browser of its own). One
 * setting, WARDEN_TEST_CHROMIUM, else the usual install places; .ci/run installs Debian's
 * Chromium. A fresh laptop without one skips those tests, saying so; a set but missing path
 * fails instead, since the developer asked for them.
 */
export const CHROMIUM_ENV = 'WARDEN_TEST_CHROMIUM';

const USUAL_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

function findChromium(env: NodeJS.ProcessEnv): string | undefined {
  const set = env[CHROMIUM_ENV]?.trim();
  if (!set) return USUAL_PLACES.find((p) => existsSync(p));
  if (!existsSync(set))
    throw new AppError('config_invalid', `${CHROMIUM_ENV}: no browser at ${set}`, {
      issues: [{ field: CHROMIUM_ENV, reason: 'the file does not exist' }],
    });
  return set;
}

export const CHROMIUM = findChromium(process.env);

/** node:test's `skip` option for the browser tests: false when a browser is at hand. */
export const SKIP_WITHOUT_CHROMIUM: string | false = CHROMIUM
  ? false
  : `needs Chromium or Chrome: none at the usual places; set ${CHROMIUM_ENV} to its path`;
