// Parses one file with @briefs/parser off the test's thread, so a slow or stuck parser (it is
// being built alongside) can be stopped by a timeout instead of hanging the tables tests.
import { parentPort, workerData } from 'node:worker_threads';
import { parseFile } from '@briefs/parser';

try {
  const brief = await parseFile(workerData.file);
  parentPort.postMessage({ ok: true, json: JSON.stringify(brief) });
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
