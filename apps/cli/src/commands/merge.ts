import { isBriefsError } from '@briefs/ast';
import { createReporter, merge } from '@briefs/build';
import { defineCommand } from 'citty';
import { EXIT_OK, UsageError, processIo } from '../io.js';
import { commonArgs, inputsOf, seconds, settingsOf } from './build-options.js';

export default defineCommand({
  meta: {
    name: 'merge',
    description: "Combine the output folders of 'briefs build --shard i/n' into the outputs of one build (tables and pack included).",
  },
  args: {
    shards: { type: 'positional', description: 'Output folders of every shard build', required: true },
    ...commonArgs,
    force: { type: 'boolean', description: 'Rewrite the tables and the pack even when up to date' },
  },
  async run({ args }) {
    const io = processIo;
    if (typeof args.out !== 'string' || args.out === '') throw new UsageError('--out <dir> is required');
    const summary = await merge({
      shards: inputsOf({ _: args._ as string[], inputs: args.shards }),
      outDir: args.out,
      force: args.force === true,
      ...settingsOf(args),
      reporter: createReporter(process.stderr),
    }).catch((error: unknown) => {
      // Shards missing or given twice is a mistake in the command line, not in an input.
      if (isBriefsError(error) && error.code === 'E_USAGE') throw new UsageError(error.message);
      throw error;
    });
    if (args.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    io.err(
      `briefs merge: ${summary.documents} documents from ${summary.shards} shards, copied ${summary.copied}; tables ${summary.tables}, pack ${summary.pack} (${seconds(summary.timings.totalMs)})\n`,
    );
    return EXIT_OK;
  },
});
