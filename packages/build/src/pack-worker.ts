import { type PackJob, toPackFailure, writePackFile } from './pack-task.js';

/** Entry of the pack's child process: one job, one answer, then gone. */
process.once('message', (job: PackJob) => {
  writePackFile(job).then(
    () => process.send?.({ ok: true }),
    (error: unknown) => process.send?.({ ok: false, error: toPackFailure(error) }),
  );
});
// The parent is gone (killed, or done): nothing left to write for.
process.on('disconnect', () => process.exit(0));
