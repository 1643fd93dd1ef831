// ESLint (npm run lint; a step of npm test): typescript-eslint's type-aware rules over every TypeScript file,
// through the project service and the tsconfig*.json project references that `tsc -b` builds, plus the React hooks
// rules on the renderer. Every rule switched off or down below says why on its line.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'dist/',
    'dist-*/',
    'release/',
    '.native/',
    'test-results/',
    'playwright-report/',
    '.verso-data/',
    // Test data whose bytes matter (fixtures, golden exports, schemas); no code to lint.
    'main/import/fixtures/',
    'main/export/formats/golden/',
    'tools/schemas/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The TypeScript language service finds each file's project among tsconfig.json's references.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An `async` method without `await` is how a service keeps its Promise contract and turns a throw into a
      // rejection; dropping the keyword to please the rule would change behaviour.
      '@typescript-eslint/require-await': 'off',
      // A leading underscore marks a name left unused on purpose (a property destructured away, a parameter kept
      // for its position).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Rejecting with the reason received (an abort signal's, a caught error) passes it on; a new non-Error still fails.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Control characters are what the path, URL, XML and text-hygiene code refuses or strips, always as \u escapes.
      'no-control-regex': 'off',
      // `let { a, b } = …` where only `a` changes later stays one declaration.
      'prefer-const': ['error', { destructuring: 'all' }],
      // A switch over a union that forgets a member is a bug the types can catch.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },

  {
    files: ['**/*.test.{ts,tsx}'],
    rules: {
      // Vitest's asymmetric matchers (expect.any, expect.objectContaining, …) are typed `any` by design; the other
      // no-unsafe-* rules still catch an untyped JSON.parse in a test.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },

  // Plain JavaScript (scripts/*.mjs, build/*.cjs, this file) is in no tsconfig: lint it without type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      // CommonJS files load their modules with require().
      '@typescript-eslint/no-require-imports': 'off',
    },
  },

  // Globals per area: Node for the main process, scripts, tools, end-to-end tests and the root configs; the browser
  // for the renderer; shared/ runs in both and gets only the language's own.
  {
    files: ['main/**', 'scripts/**', 'tools/**', 'e2e/**', 'build/**', '*.{js,ts,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['shared/**'],
    languageOptions: { globals: { ...globals.es2023 } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // Verso does not build with the React Compiler; this rule only says where the compiler would skip a component.
      'react-hooks/preserve-manual-memoization': 'off',
    },
  },
);
