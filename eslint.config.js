import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import solid from 'eslint-plugin-solid/configs/typescript';
import tseslint from 'typescript-eslint';

/** Only src/map may import maplibre-gl. */
const MAPLIBRE_ONLY_IN_MAP = {
  group: ['maplibre-gl', 'maplibre-gl/*'],
  message: 'Only src/map may import maplibre-gl.',
};

/**
 * The floors of src/ (product.md "Architecture"), each importing only those below it:
 * geometry → data → domain/import → map/state → ui → app. Within a shared floor the arrow runs
 * one way too: import may use domain (not back), map may use state (not back). The table
 * (scripts/lib/layers.json) lists for each folder what it may not import; a relative import that
 * leaves it for one of those fails lint. `npm run cycles` applies the same table to dynamic
 * `import()`, which this rule does not see.
 */
const FORBIDDEN = JSON.parse(
  readFileSync(new URL('./scripts/lib/layers.json', import.meta.url), 'utf8'),
);

/** One ESLint block per floor: its forbidden folders, plus the maplibre rule outside src/map. */
function layers() {
  const floors = Object.entries(FORBIDDEN).map(([folder, forbidden]) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
              message: `src/${folder}/ may not import src/{${forbidden.join(',')}}/ (layers: product.md "Architecture").`,
            },
            ...(folder === 'map' ? [] : [MAPLIBRE_ONLY_IN_MAP]),
          ],
        },
      ],
    },
  }));
  const rest = {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...Object.keys(FORBIDDEN).map((folder) => `src/${folder}/**`)],
    rules: { 'no-restricted-imports': ['error', { patterns: [MAPLIBRE_ONLY_IN_MAP] }] },
  };
  return [rest, ...floors];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'Data is text: never innerHTML.',
        },
        {
          selector: "JSXAttribute[name.name='innerHTML']",
          message: 'Data is text: never innerHTML.',
        },
      ],
    },
  },
  ...layers(),
  { files: ['src/**/*.tsx', 'tests/**/*.tsx'], ...solid },
  {
    files: ['src/**/*.tsx'],
    rules: {
      'solid/reactivity': ['warn', { customReactiveFunctions: ['createFeatureStateBinding'] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
