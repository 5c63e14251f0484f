import { NCMEC_XSD_ENV, ncmecSchemaFile } from '../reporting/ncmec/schema-file.js';

/**
 * NCMEC's schema for the tests that validate against it, from WARDEN_NCMEC_XSD (never in
 * the repository; .ci/run points it at the copy beside the checkout). Read once per test
 * file; a set but unreadable path fails the file instead of skipping it.
 */
export const NCMEC_XSD = ncmecSchemaFile();

/**
 * node:test's `skip` option for those tests: false when the schema is at hand, else a short
 * reason naming the setting. scripts/run-tests.mjs says the longer why, once per run.
 */
export const SKIP_WITHOUT_NCMEC_XSD: string | false = NCMEC_XSD ? false : `needs NCMEC's schema: set ${NCMEC_XSD_ENV}`;
