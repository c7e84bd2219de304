import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import electronSecurity from './eslint-rules/electron-security.mjs';
import local from './eslint-rules/import-boundaries.mjs';
import uiText from './eslint-rules/no-ui-literals.mjs';

const NODE_ONLY_GLOBALS = ['Buffer', 'process', 'require', '__dirname', '__filename', 'global'].map(
  (name) => ({
    name,
    message: 'Environment-neutral code: no Node globals.',
  }),
);
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'location'].map((name) => ({
  name,
  message: 'Environment-neutral code: no DOM globals.',
}));
const IMPURE = ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'fetch'].map((name) => ({
  name,
  message: 'Decoders are pure: time is an argument, not a timer.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { local },
    rules: {
      'local/import-boundaries': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Electron security checklist rules (eslint-rules/electron-security.mjs; SECURITY.md).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'electron-security': electronSecurity },
    rules: {
      'electron-security/no-open-external': 'error',
      'electron-security/no-insecure-web-preferences': 'error',
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: { 'electron-security/no-file-loading': 'error' },
  },
  {
    files: ['src/shared/**/*.ts', 'src/devices/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS, ...DOM_GLOBALS] },
  },
  {
    files: ['src/devices/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS, ...DOM_GLOBALS, ...IMPURE],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Decoders are pure: time is an argument.' },
        {
          object: 'Math',
          property: 'random',
          message: 'Simulators are deterministic: use the seeded generator.',
        },
        { object: 'performance', property: 'now', message: 'Decoders are pure: time is an argument.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', ...NODE_ONLY_GLOBALS],
    },
  },
  {
    // Issue 7: every UI word comes from an en/fr catalog (eslint-rules/no-ui-literals.mjs).
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'ui-text': uiText },
    rules: { 'ui-text/no-ui-literals': 'error' },
  },
  {
    files: ['src/{core,server,main,cli}/**/*.ts', 'scripts/**', 'bench/**', 'test/**'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/cli/**/*.ts', 'src/server/main.ts', 'scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false } },
  },
);
