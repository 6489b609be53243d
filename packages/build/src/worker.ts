import { parentPort, workerData } from 'node:worker_threads';
import { type DocumentTask, type TaskResult, type TaskSettings, runDocumentTask } from './document-task.js';

/**
 * Entry of a pool worker, as a child process (default) or a worker thread: runs one document
 * task at a time, as the pool hands them out.
 */
type Message = { seq: number; task: DocumentTask } | { settings: TaskSettings };

let settings: TaskSettings | null = parentPort ? (workerData as { settings: TaskSettings }).settings : null;
const reply = (message: { seq: number; result: TaskResult; rss: number }): void => {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
};

const onMessage = (message: Message): void => {
  if ('settings' in message) {
    settings = message.settings;
    return;
  }
  if (!settings) throw new Error('worker got a task before its settings');
  // With its resident memory (a process's; a thread has none of its own), so the pool can retire
  // a worker process that has grown too large.
  void runDocumentTask(message.task, settings).then((result) => reply({ seq: message.seq, result, rss: parentPort ? 0 : process.memoryUsage.rss() }));
};

if (parentPort) parentPort.on('message', onMessage);
else {
  process.on('message', onMessage);
  // The parent is gone (killed, or done without closing us): nothing left to work for.
  process.on('disconnect', () => process.exit(0));
}
