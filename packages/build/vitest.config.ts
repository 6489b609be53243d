import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
    // Builds spawn worker processes and render PDFs; a loaded CI machine needs the headroom.
    testTimeout: 300_000,
  },
});
