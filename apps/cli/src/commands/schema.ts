import { briefSchema } from '@briefs/ast';
import { defineCommand } from 'citty';
import { processIo } from '../io.js';

export default defineCommand({
  meta: { name: 'schema', description: 'Print the JSON Schema of the brief AST.' },
  args: {},
  run() {
    processIo.out(`${JSON.stringify(briefSchema, null, 2)}\n`);
    return 0;
  },
});
