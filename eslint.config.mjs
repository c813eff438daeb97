// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', '*.config.js', 'eslint.config.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': 'off',
      'no-console': 'error',
    },
  },
  {
    // Configuration is read in one place, src/config.ts, which validates it; everything else is
    // handed the parsed, typed result. (Tests and scripts set up or pass on environments.)
    files: ['**/*.ts'],
    ignores: ['src/config.ts', 'test/**', 'scripts/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
          message: 'Read configuration through src/config.ts.',
        },
      ],
    },
  },
  {
    // The logger is the one place that writes to the console.
    files: ['src/logger.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The layers below the bot never depend on botbuilder or Azure: they are reused by `ask`, the eval and tests.
    files: ['src/matching/**', 'src/knowledge/**', 'src/answering/**', 'src/conversation/**', 'src/quiz/**', 'src/lint/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['botbuilder*', 'botframework-*', '@azure/*'], message: 'Keep botbuilder and Azure in src/bot and src/hosting.' }] },
      ],
    },
  },
  {
    // Records talk to Azure Table Storage, but never to botbuilder: the bot hands them plain data.
    files: ['src/records/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['botbuilder*', 'botframework-*'], message: 'Keep botbuilder in src/bot and src/hosting.' }] },
      ],
    },
  },
);
