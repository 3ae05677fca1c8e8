// Lint: what the type checker (`tsc --noEmit`, strict) does not catch. The recommended rules of ESLint and
// typescript-eslint, syntax only (no type information, so a run stays quick), over the TypeScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/*.js', '**/*.mjs', '**/*.cjs', 'dist/', 'node_modules/', '.vscode-e2e/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // The type checker resolves every name; ESLint's own check does not know TypeScript's globals.
      'no-undef': 'off',
    },
  },
);
