// ESLint flat config: type-checked typescript-eslint, plus rules that encode the architecture
// (README "Architecture"): core/ is pure, output goes through ui/, exit codes are set in cli.ts
// only, and no module imports itself back through a cycle.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';

/** Libraries and modules that do I/O, talk to a terminal or read the clock: never in core/. */
const IMPURE_IN_CORE = [
  {
    group: ['node:*', '!node:crypto'],
    message: 'core/ is pure: only node:crypto (hashing) is allowed. Do the I/O in io/.',
  },
  {
    group: ['chalk', 'inquirer', '@inquirer/*', 'cli-progress', 'exceljs', 'papaparse', 'ical.js'],
    message: 'core/ is pure: terminal and file-format libraries belong in ui/ or io/.',
  },
  {
    group: ['**/io/**', '**/ui/**', '**/commands/**', '**/cli.js'],
    message: 'core/ imports nothing above it: the data flows commands -> io/core -> ui.',
  },
];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  comments.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        (await import('eslint-import-resolver-typescript')).createTypeScriptImportResolver({
          project: './tsconfig.json',
        }),
      ],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'no-console': 'error',
      // Sanitisers match control characters on purpose (terminal escapes, .ics and XML safety).
      'no-control-regex': 'off',
      // Spreadsheet cells and JSON state are `unknown` by nature; String() of them is deliberate.
      '@typescript-eslint/no-base-to-string': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name=/^exit(Code)?$/]",
          message: 'Only src/cli.ts sets the exit code: throw a MentorError instead.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: IMPURE_IN_CORE }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ takes `now` as an argument: no Date.now().',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core/ takes `now` as an argument: no argument-less new Date().',
        },
        {
          selector: "MemberExpression[object.name='process']",
          message: 'core/ is pure: no process (env, argv, exit, stdout).',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'core/ is deterministic: no Math.random().',
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/cli.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests, benchmarks and fixture generators are scripts: they print, exit and time themselves.
    files: ['test/**', 'bench/**', 'fixtures/**', 'scripts/**', '*.config.*', 'eslint.config.js'],
    rules: {
      'no-console': 'off',
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Tests read back JSON documents the CLI printed: `any` is their honest type there.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
