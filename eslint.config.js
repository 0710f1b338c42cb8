// Lint: typescript-eslint with type information, plus the house rule that runtime contexts never
// import each other (they meet in src/shared) and src/core stays free of browser APIs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const contexts = ['background', 'content', 'engine', 'ui'];
const zone = (self, extra = [], paths = []) => ({
  files: [`src/${self}/**/*.{ts,tsx}`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...contexts
            .filter((c) => c !== self)
            .map((c) => ({
              group: [`**/${c}/**`, `../${c}`, `../../${c}`],
              message: `Runtime contexts never import each other: share code through src/shared (house style).`,
            })),
          ...extra,
        ],
        paths,
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never innerHTML: build nodes, set textContent.' },
        { property: 'outerHTML', message: 'Never outerHTML with page or model text.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  zone('background'),
  zone('engine'),
  zone('ui'),
  zone(
    'content',
    [
      {
        group: ['zod', 'dexie', '@huggingface/*'],
        message: 'Keep the content script small: validate at the receiver.',
      },
      {
        group: ['**/shared/*', '!**/shared/protocol', '!**/shared/i18n'],
        message:
          'The content script only takes types from the protocol, and its words from shared/i18n.',
      },
    ],
    [{ name: '../shared/protocol', allowTypeImports: true, message: 'Types only: keep zod out.' }],
  ),
  {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/background/**',
                '**/content/**',
                '**/engine/**',
                '**/ui/**',
                '**/shared/**',
              ],
              message: 'src/core is pure logic: it imports nothing from the runtime contexts.',
            },
            { group: ['webextension-polyfill', 'dexie'], message: 'src/core uses no browser API.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser', 'document', 'window', 'indexedDB'],
    },
  },
  {
    files: ['**/*.{js,mjs}', 'scripts/**', 'tests/e2e/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
