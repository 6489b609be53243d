import { defineCommand } from 'citty';
import { UsageError } from '../io.js';

// Wired by the build work (issue 6).
export default defineCommand({
  meta: { name: 'export', description: 'Not available yet in this version.' },
  args: {},
  run() {
    throw new UsageError("'export' is not available yet");
  },
});
