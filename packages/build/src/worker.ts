import { parentPort, workerData } from 'node:worker_threads';
import { type DocumentTask, type TaskSettings, runDocumentTask } from './document-task.js';

/** Worker thread entry: runs one document task at a time, as the pool hands them out. */
const settings = (workerData as { settings: TaskSettings }).settings;
parentPort?.on('message', (message: { seq: number; task: DocumentTask }) => {
  void runDocumentTask(message.task, settings).then((result) => parentPort?.postMessage({ seq: message.seq, result }));
});
