import { join } from 'node:path';
import { assignDocIds, type Brief } from '@briefs/ast';
import { displayPath, findSources, writeFileAtomic } from '@briefs/io';
import { parseFile, serializeBrief } from '@briefs/parser';
import { defineCommand } from 'citty';
import { EXIT_FAILED, EXIT_OK, UsageError, describeError, processIo } from '../io.js';

export default defineCommand({
  meta: {
    name: 'parse',
    description: 'Print the brief AST of a source document as JSON, or write one JSON per input with --out.',
  },
  args: {
    inputs: { type: 'positional', description: 'Source files or folders (.md, .markdown, .txt, .html)', required: true },
    out: { type: 'string', description: 'Write <out>/<doc-id>.json for every input instead of printing' },
    explain: { type: 'boolean', description: 'Report every span dropped as page residue, with its rule and line:column, on stderr' },
    maxBytes: { type: 'string', description: 'Refuse inputs larger than this many bytes (default 20 MB)' },
  },
  async run({ args }) {
    const io = processIo;
    const inputs = (args._ as string[]).length > 0 ? (args._ as string[]) : [args.inputs as string];
    const maxBytes = args.maxBytes === undefined ? undefined : Number(args.maxBytes);
    if (maxBytes !== undefined && !(Number.isFinite(maxBytes) && maxBytes > 0)) {
      throw new UsageError(`--max-bytes takes a positive number, not '${args.maxBytes}'`);
    }
    const files = await findSources(inputs);
    if (!args.out && files.length !== 1) {
      throw new UsageError(`without --out, parse takes one file (${files.length} inputs found)`);
    }
    const ids = assignDocIds(files);
    let failed = 0;
    for (const file of files) {
      let brief: Brief;
      try {
        brief = await parseFile(file, { id: ids.get(file)!, ...(maxBytes ? { maxBytes } : {}) });
      } catch (error) {
        failed++;
        io.err(`${describeError(error)}\n`);
        continue;
      }
      for (const d of brief.diagnostics ?? []) {
        const at = d.position ? `:${d.position.start.line}:${d.position.start.column}` : '';
        io.err(`${displayPath(file)}${at}: ${d.level}: ${d.message}\n`);
      }
      if (args.explain) {
        for (const r of brief.residue ?? []) {
          io.err(`${displayPath(file)}:${r.position.start.line}:${r.position.start.column}: dropped (${r.rule}) ${r.text}\n`);
        }
      }
      const json = serializeBrief(brief);
      if (args.out) await writeFileAtomic(join(args.out, `${brief.id}.json`), json);
      else io.out(json);
    }
    return failed > 0 ? EXIT_FAILED : EXIT_OK;
  },
});
