import { createReporter, exportTables } from '@briefs/build';
import { defineCommand } from 'citty';
import { EXIT_FAILED, EXIT_OK, UsageError, processIo } from '../io.js';
import { commonArgs, inputsOf, jobsOf, maxBytesOf, seconds, settingsOf } from './build-options.js';

export default defineCommand({
  meta: { name: 'export', description: 'Write only the tables (<out>/data/*.csv, datapackage.json, briefs.xlsx) for every input.' },
  args: {
    inputs: { type: 'positional', description: 'Source files or folders (.md, .markdown, .txt, .html)', required: true },
    out: commonArgs.out,
    config: commonArgs.config,
    bom: commonArgs.bom,
    xlsx: commonArgs.xlsx,
    json: commonArgs.json,
    jobs: { type: 'string', description: 'Documents parsed in parallel (default: the number of cores)' },
    maxBytes: { type: 'string', description: 'Refuse inputs larger than this many bytes (default 20 MB)' },
  },
  async run({ args }) {
    const io = processIo;
    if (typeof args.out !== 'string' || args.out === '') throw new UsageError('--out <dir> is required');
    const jobs = jobsOf(args.jobs);
    const maxBytes = maxBytesOf(args.maxBytes);
    const { pack: _pack, ...settings } = settingsOf(args);
    const summary = await exportTables({
      inputs: inputsOf(args as unknown as { _: string[] }),
      outDir: args.out,
      ...settings,
      ...(jobs ? { jobs } : {}),
      ...(maxBytes ? { maxBytes } : {}),
      reporter: createReporter(process.stderr),
    });
    if (args.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    io.err(`briefs export: ${summary.exported} of ${summary.documents} documents, failed ${summary.failed.length} (${seconds(summary.timings.totalMs)})\n`);
    return summary.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
  },
});
