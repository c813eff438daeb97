// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Nothing in src/ imports the tests or the scripts. */
const NO_TESTS = { regex: '^(\\.\\./)+(test|scripts)(/|$)', message: 'Code in src/ never imports tests or scripts.' };

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
  // The layer order (see layerRules below): knowledge ← matching ← answering ← conversation ← bot
  // ← web ← hosting ← dev. Lower layers never import upper ones; hosting, what Azure runs, never
  // imports dev, what only `npm start` runs; only src/bot and src/hosting know botbuilder; nothing
  // in src/ imports test/ or scripts/.
  ...layerRules(),
  {
    // The function files register handlers from src/hosting; the package bundles what they import,
    // so src/dev, which only `npm start` runs, must stay out of reach.
    files: ['functions/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [restrictFolders(['dev', 'cli'], 'functions/ registers what Azure runs; src/dev and src/cli are not deployed.')] }] },
  },
);

/**
 * Each src/ folder, lowest layer first. A folder may not import the folders after it (or, for a
 * host beside the others, the ones it names in `not`). `sdk`: it may import botbuilder and its
 * connector; `azure`: it may import the Azure SDKs.
 */
function layerRules() {
  const layers = [
    { folder: 'knowledge' },
    { folder: 'matching' },
    { folder: 'answering' },
    { folder: 'lint' },
    { folder: 'quiz' },
    { folder: 'records', azure: true },
    // Questions handed to the teaching team, stored in Blob Storage; no botbuilder here.
    { folder: 'tickets', azure: true },
    { folder: 'conversation' },
    { folder: 'bot', sdk: true },
    { folder: 'web', azure: true },
    { folder: 'hosting', sdk: true, azure: true },
    { folder: 'dev', azure: true },
    // `ask`, `kb:lint` and `kb:review` run the layers below the bot without a host.
    { folder: 'cli', not: ['bot', 'web', 'hosting', 'dev'] },
  ];
  const order = layers.map((layer) => layer.folder);
  const shared = {
    // The shared modules at the root of src/ (config, errors, logger, timeout) are below every layer.
    files: ['src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [restrictFolders(order, 'The shared modules at the root of src/ import no layer.'), NO_TESTS] }] },
  };
  return [
    shared,
    ...layers.map(({ folder, sdk = false, azure = false, not }, index) => {
      const upper = not ?? order.slice(index + 1);
      const patterns = [restrictFolders(upper, `src/${folder} never imports ${upper.map((name) => `src/${name}`).join(', ')}: data flows down the layers.`), NO_TESTS];
      if (!sdk) patterns.push({ group: ['botbuilder*', 'botframework-*'], message: 'Keep botbuilder in src/bot and src/hosting.' });
      if (!azure) patterns.push({ group: ['@azure/*'], message: 'Keep the Azure SDKs in src/records and the hosts (hosting, web, dev).' });
      return { files: [`src/${folder}/**`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
    }),
  ];
}

/** A relative import that reaches one of these top-level src/ folders, from any depth. */
function restrictFolders(folders, message) {
  return { regex: `^(\\.\\./)+(src/)?(${folders.join('|')})(/|$)`, message };
}
