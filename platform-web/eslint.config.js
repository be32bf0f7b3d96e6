// ESLint (flat config): typescript-eslint, React's hooks rules (recommended-latest, exhaustive deps as errors), and the
// import boundaries of the feature layout:
//   app/ -> features/ -> components/, lib/, api/, i18n/   (never the other way, never feature to feature)
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const boundaries = [
  // a feature uses the shared layers, never another feature's internals
  ...features.map((f) => ({
    target: `./src/features/${f}`,
    from: './src/features',
    except: [`./${f}`],
    message: 'A feature may not import another feature; move what both need to components/, lib/ or api/.',
  })),
  // the shared layers know no feature and no app wiring
  ...['components', 'lib', 'api', 'i18n'].map((layer) => ({
    target: `./src/${layer}`,
    from: ['./src/features', './src/app'],
    message: `${layer}/ is shared: it may not import from features/ or app/.`,
  })),
  { target: './src/features', from: './src/app', message: 'features/ may not import the app wiring.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-output', 'e2e', 'src/api/schema.d.ts'] },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } }, 'import/ignore': ['node_modules'] },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'import/no-restricted-paths': ['error', { zones: boundaries }],
      'import/order': ['error', { groups: ['builtin', 'external', 'parent', 'sibling', 'index'], alphabetize: { order: 'asc', caseInsensitive: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
