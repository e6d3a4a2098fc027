import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'http',
  'url',
  'stream',
  'events',
  'util',
  'zlib',
  'net',
  'buffer',
].flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'e2e-artifacts/',
      'bench-results/',
      'resources/sample/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.mjs', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/main/**', '../../main/*'],
              message: 'The renderer talks to main only through the contract.',
            },
            {
              group: ['electron', ...nodeBuiltins],
              message: 'The renderer runs in a sandbox: no electron or Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [{ group: nodeBuiltins, message: 'shared/ must run in the renderer too.' }],
        },
      ],
    },
  },
  {
    files: [
      'main/services/**/*.ts',
      'main/db/**/*.ts',
      'main/cli/**/*.ts',
      'main/workers/**/*.ts',
      'main/transport/http*.ts',
      // The pure halves of the Electron shell, unit-tested without the Electron binary.
      'main/transport/ipcHandler*.ts',
      'main/transport/assetProtocol*.ts',
      'main/transport/staticFiles*.ts',
      'main/transport/fileResponse.ts',
      'main/transport/schemes.ts',
      'main/windows/navigationPolicy.ts',
      'main/windows/launchArgs.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Services run without Electron (CLI, HTTP transport).' },
          ],
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-console': 'off',
    },
  },
);
