import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-artifacts/**', '.tmp/**'] },
  js.configs.recommended,
  { files: ['src/web/public/sw.js'], languageOptions: { globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly', URL: 'readonly', Response: 'readonly' } } },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Layers talk one way: http → services → domain + db. The domain does no I/O; the web app
    // imports only shared/ and itself.
    files: ['src/server/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/db/**', '**/services/**', '**/http/**', 'pg', '@electric-sql/*', 'fastify'] }],
    },
  },
  {
    files: ['src/server/services/**', 'src/server/db/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/http/**', 'fastify'] }] },
  },
  {
    // Handlers parse, call a service and present: the database is reached through services only.
    files: ['src/server/http/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/db/**', 'pg', '@electric-sql/*'] }] },
  },
  {
    // Files and functions a person can hold in their head (text catalogues are data, not code).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/web/i18n/vi.ts', 'src/web/i18n/en.ts', 'src/server/texts/vi.ts', 'src/server/texts/en.ts'],
    rules: {
      'max-lines': ['error', { max: 250, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A page component is mostly markup: it may run longer than a function of logic.
    files: ['src/web/**/*.tsx'],
    rules: { 'max-lines-per-function': ['error', { max: 130, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/web/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**'] }] },
  },
);
