import { defineConfig } from 'vitest/config';

/**
 * The fast project (`npm run test:unit`, well under a minute on 2 cores): tests that run in process
 * and need no external tool — no LibreOffice, PDFBox, Chromium, qpdf, poppler or fontTools. The
 * rest (`full`) runs the built CLI in child processes or checks outputs with those tools; `npm test`
 * runs both.
 */
const UNIT = [
  'tests/compose/**/*.test.ts',
  'tests/data/**/*.test.ts',
  'tests/doc/**/*.test.ts',
  'tests/hostile/fuzz.test.ts',
  'tests/hostile/pdfa-label.test.ts',
  'tests/hostile/preview-origin.test.ts',
  'tests/import/kind-ledger.test.ts',
  'tests/kinds/**/*.test.ts',
  'tests/layout/**/*.test.ts',
  'tests/markup/**/*.test.ts',
  'tests/packet/**/*.test.ts',
  'tests/template/**/*.test.ts',
  'tests/writers/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    globalSetup: ['tests/support/temp-root.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      { extends: true, test: { name: 'full', include: ['tests/**/*.test.ts'], exclude: UNIT } },
    ],
  },
});
