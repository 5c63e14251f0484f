// Lint for the whole tree (docs/contributing.md). The design's arrows are import zones here:
// today's exceptions live in eslint-suppressions.json, which may only shrink (ESLint fails on
// a suppression that no longer matches, so a mended arrow must be pruned from it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { ZONES } from './scripts/import-zones.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'assembly/**', 'testdata/**', '.bench/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after'] }],
        },
      ],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      eqeqeq: ['error', 'smart'],
      // A `let` assigned once, after a closure that reads it was made, cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Prettier breaks code at 140; what it cannot break (a long string, a pattern) is data and
      // belongs in a data file, which max-len does not read.
      'max-len': ['error', { code: 200, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'import-x/no-restricted-paths': ['error', { zones: ZONES }],
      'import-x/no-cycle': 'off',
    },
  },
  {
    // Tests may be long (one file per capability's behaviour) and lean on non-null shortcuts.
    files: ['src/**/*.test.ts', 'src/testing/**', 'src/bench/**'],
    // Tests drive a capability from outside, through whatever folders the scenario needs.
    rules: { 'max-lines': ['error', { max: 800, skipBlankLines: true, skipComments: true }], 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'eslint.config.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'].map((g) => [g, 'readonly']),
      ),
    },
    rules: { 'no-empty': ['error', { allowEmptyCatch: true }] },
  },
);
