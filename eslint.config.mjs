// @ts-check
import eslint from '@eslint/js';
import angular from 'angular-eslint';
import tseslint from 'typescript-eslint';

const crossFeatureData = {
  group: ['../../*/data/**', '**/features/*/data/**'],
  message: "A feature does not reach into another feature's data/: move what both need to shared/.",
};

const presentational = {
  group: ['**/*-store', '**/*-client', '**/core/config/**'],
  message: 'ui/ components are presentational: inputs in, outputs out (models and pure functions only).',
};

/** The dependency direction of ../shared/STYLE.md: page → ui, data; ui → nothing stateful; data → shared. */
const layerRules = [
  {
    files: ['src/app/shared/**/*.ts'],
    rules: {
      // Relative paths only: '@angular/core' is not the app's core/.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\.?/(.*/)?(core|features)/', message: 'shared/ knows nothing of core/ or features/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/features/**'], message: 'core/ knows nothing of features/.' }] },
      ],
    },
  },
  {
    files: ['src/app/features/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossFeatureData] }] },
  },
  {
    files: ['src/app/features/*/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [crossFeatureData, presentational],
        },
      ],
    },
  },
  {
    // The log viewer lives in logs/ beside the socket client, and is as presentational as ui/.
    files: [
      'src/app/features/*/logs/log-viewer*.ts',
      'src/app/features/*/logs/log-row.ts',
      'src/app/features/*/logs/task-logs-panel.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossFeatureData, presentational] }] },
  },
  {
    files: ['src/app/features/*/*-page/**/*.ts', 'src/app/features/*/*-dialog/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            crossFeatureData,
            {
              group: ['**/*-client'],
              message: 'Pages and dialogs bind their store and call its commands: I/O belongs in a store.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/', '.angular/', 'node_modules/', 'playwright-report/', 'test-results/', 'bench/results/'] },
  {
    files: ['**/*.ts'],
    extends: [eslint.configs.recommended, ...tseslint.configs.recommended, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'app', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'app', style: 'kebab-case' }],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {},
  },
  ...layerRules,
  {
    // Simulator tests read arbitrary wire JSON and assert it field by field: the assertions are the type check.
    files: ['sim/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
