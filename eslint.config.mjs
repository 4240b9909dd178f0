// Lint rules, and the import boundaries the architecture depends on (ARCHITECTURE.md):
//  - shared/ is pure: no electron, no node:*, no DOM — it runs in the renderer and in Node alike;
//  - electron/core/ is the engine: it never imports electron, so the CLI and `serve` run in plain Node;
//  - renderer/ talks to the engine only through shared/api and its client, never electron/ or node:*.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'url', 'util', 'zlib', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Parsers here check for control characters on purpose (note and key-name grammars).
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The npm bin shim is CommonJS on purpose: it must run in plain Node before anything is built.
    files: ['bin/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Playwright fixtures that use no other fixture must still destructure their first argument.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ must not import electron' },
          { group: nodeBuiltins, message: 'shared/ must not import Node built-ins: it runs in the renderer too' },
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not depend on electron/ or renderer/' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'Buffer', 'process'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'electron/core runs in plain Node: it must never import electron' },
          { group: ['**/electron/main/**', '**/electron/preload/**', '**/renderer/**'], message: 'the engine does not depend on the shell or the UI' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'the renderer reaches the engine only through the API client' },
          { group: nodeBuiltins, message: 'the renderer runs in a browser: no Node built-ins' },
          { group: ['**/electron/**'], message: 'the renderer talks to the engine through shared/api only' },
        ],
      }],
    },
  },
);
