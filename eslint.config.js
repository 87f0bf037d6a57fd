// Lint: the stages import one way (an earlier stage never imports a later one, ARCHITECTURE.md),
// files and functions stay small. Run by `npm run lint` and in CI (`npm test`).
import tseslint from 'typescript-eslint';

/** Stages from first to last; a folder may import its own rank or lower. */
const RANK = { world: 0, diag: 0, style: 0, types: 0, doc: 1, data: 2, kinds: 2, fonts: 3, import: 3, template: 3, markup: 4, compose: 5, layout: 6, packet: 7, backends: 8, api: 9, preview: 10, cli: 11 };
const later = (folder) => Object.keys(RANK).filter((f) => RANK[f] > RANK[folder]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/**', 'bench/**', 'scripts/**', '*.config.*'] },
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
  ...Object.keys(RANK).map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: later(folder).map((f) => ({ group: [`**/${f}/*`, `**/${f}/**`], message: `${folder}/ 不得引用后面阶段的 ${f}/（见 ARCHITECTURE.md）` })) }],
    },
  })),
);
