import { build, check, createReporter } from '@briefs/build';
import { defineCommand } from 'citty';
import { EXIT_FAILED, EXIT_OK, UsageError, processIo } from '../io.js';
import { commonArgs, inputsOf, jobsOf, maxBytesOf, seconds, settingsOf, shardOf } from './build-options.js';

export default defineCommand({
  meta: {
    name: 'build',
    description: 'Build briefs/<doc-id>.pdf, pack.pdf, data/* tables and ast/<doc-id>.json for every input, incrementally.',
  },
  args: {
    inputs: { type: 'positional', description: 'Source files or folders (.md, .markdown, .txt, .html)', required: true },
    ...commonArgs,
    force: { type: 'boolean', description: 'Rebuild everything, even what is up to date' },
    jobs: { type: 'string', description: 'Documents parsed and rendered in parallel (default: the number of cores)' },
    check: { type: 'boolean', description: 'Build nothing; exit 1 and list what is missing or stale, 0 when up to date' },
    shard: { type: 'string', description: "Build only share i of n of the documents (i/n); combine shards with 'briefs merge'" },
    maxBytes: { type: 'string', description: 'Refuse inputs larger than this many bytes (default 20 MB)' },
  },
  async run({ args }) {
    const io = processIo;
    if (typeof args.out !== 'string' || args.out === '') throw new UsageError('--out <dir> is required');
    const maxBytes = maxBytesOf(args.maxBytes);
    const options = {
      inputs: inputsOf(args as unknown as { _: string[] }),
      outDir: args.out,
      force: args.force === true,
      shard: shardOf(args.shard),
      ...settingsOf(args),
      ...(maxBytes ? { maxBytes } : {}),
    };
    if (args.check) {
      const result = await check(options);
      if (args.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
      else for (const s of result.stale) io.out(`${args.out}/${s.path}: ${s.reason}\n`);
      if (!result.upToDate) io.err(`briefs build --check: ${result.stale.length} output(s) missing or stale in ${args.out}\n`);
      return result.upToDate ? EXIT_OK : EXIT_FAILED;
    }
    const jobs = jobsOf(args.jobs);
    const summary = await build({ ...options, ...(jobs ? { jobs } : {}), reporter: createReporter(process.stderr) });
    if (args.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
    const parts = [`built ${summary.built.length}`, `skipped ${summary.skipped}`, `failed ${summary.failed.length}`, `removed ${summary.removed.length}`];
    io.err(`briefs build: ${parts.join(', ')}; tables ${summary.tables}, pack ${summary.pack} (${seconds(summary.timings.totalMs)})\n`);
    return summary.failed.length > 0 ? EXIT_FAILED : EXIT_OK;
  },
});
