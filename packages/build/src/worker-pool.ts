import { type ChildProcess, fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { type DocumentTask, type RenderDocument, type TaskResult, type TaskSettings, runDocumentTask } from './document-task.js';
import { entryFile } from './entries.js';

/** Runs document tasks, on worker threads or (one job) in this thread. */
export interface TaskRunner {
  run(task: DocumentTask): Promise<TaskResult>;
  close(): Promise<void>;
}

/**
 * A runner for `jobs` parallel tasks. One job, or one task to do, runs in this thread: starting
 * a worker (and loading the parser and renderer in it) costs more than a single document. There,
 * `render` may draw the PDFs elsewhere (a process loading the renderer while this one parses).
 *
 * Workers are child processes by default, worker threads with `BRIEFS_WORKERS=threads`. The
 * charts draw with node-canvas, whose font and Pango state is process-wide and not safe across
 * threads (Automattic/node-canvas#1394): two threads drawing at once can crash the whole
 * process, where a crashed child process only fails its document and is replaced.
 */
export function createRunner(settings: TaskSettings, jobs: number, tasks: number, render?: RenderDocument): TaskRunner {
  const size = Math.max(1, Math.min(jobs, tasks));
  return size <= 1 ? new InlineRunner(settings, render) : new WorkerPool(settings, size);
}

class InlineRunner implements TaskRunner {
  private chain: Promise<unknown> = Promise.resolve();
  constructor(
    private readonly settings: TaskSettings,
    private readonly render?: RenderDocument,
  ) {}
  run(task: DocumentTask): Promise<TaskResult> {
    // One at a time, like a single worker: the parser is synchronous anyway.
    // The result is cloned as a worker's reply would be: the parser's texts are slices of the
    // document's source, and a tables part kept until the export ends would otherwise hold every
    // source it came from in memory (a pool's results arrive as copies).
    const next = this.chain.then(async () => structuredClone(await runDocumentTask(task, this.settings, this.render)));
    this.chain = next.catch(() => undefined);
    return next;
  }
  async close(): Promise<void> {
    await this.chain;
  }
}

interface Pending {
  seq: number;
  task: DocumentTask;
  resolve: (result: TaskResult) => void;
}

/** What the pool needs of a worker, thread or process. */
interface PoolWorker {
  send(message: unknown): void;
  onMessage(listener: (message: { seq: number; result: TaskResult; rss?: number }) => void): void;
  onLost(listener: (why: string) => void): void;
  terminate(): Promise<void>;
}

function spawnThread(settings: TaskSettings): PoolWorker {
  const worker = new Worker(entryFile('worker.js'), { workerData: { settings } });
  return {
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onLost: (listener) => {
      worker.on('error', (error) => listener(error.message));
      worker.on('exit', (code) => listener(`exit code ${code}`));
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

function spawnProcess(settings: TaskSettings): PoolWorker {
  const child: ChildProcess = fork(entryFile('worker.js'), [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  child.send({ settings });
  return {
    send: (message) => child.send(message as object),
    onMessage: (listener) => child.on('message', listener as (m: unknown) => void),
    onLost: (listener) => {
      child.on('error', (error) => listener(error.message));
      child.on('exit', (code, signal) => listener(signal ? `killed by ${signal}` : `exit code ${code}`));
    },
    terminate: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/**
 * Resident memory past which a worker process is replaced once it has answered. A renderer's
 * process grows with the documents it draws (V8 keeps the heap it has grown to; fonts' and charts'
 * native state), to ~475 MB after 500 documents here, without a sign of stopping: two workers of
 * a large build would pass a gigabyte. A fresh worker costs 1–2 s of loading; at 448 MB a worker
 * is replaced every few hundred documents (a 1,000-document build: peak 920 MiB against 1,002
 * unbounded, ~8 % slower in one noisy pair of runs). `BRIEFS_WORKER_MAX_RSS_MB` overrides it.
 */
const workerMaxRss = (): number => Number(process.env.BRIEFS_WORKER_MAX_RSS_MB ?? 448) * 2 ** 20;

class WorkerPool implements TaskRunner {
  private readonly idle: PoolWorker[] = [];
  private readonly busy = new Map<PoolWorker, Pending>();
  private readonly queue: Pending[] = [];
  private live = 0;
  private seq = 0;
  private closed = false;
  private readonly maxRss = workerMaxRss();

  constructor(
    private readonly settings: TaskSettings,
    private readonly size: number,
  ) {}

  run(task: DocumentTask): Promise<TaskResult> {
    return new Promise((resolve) => {
      this.queue.push({ seq: this.seq++, task, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): PoolWorker {
    const worker = process.env.BRIEFS_WORKERS === 'threads' ? spawnThread(this.settings) : spawnProcess(this.settings);
    this.live++;
    // A worker that dies (out of memory, a crash in native code) fails its document, not the
    // build; workers are started again only for documents still waiting, so a worker that cannot
    // start at all fails each document once instead of looping.
    let gone = false;
    worker.onMessage((message) => {
      const pending = this.busy.get(worker);
      if (!pending || pending.seq !== message.seq) return;
      this.busy.delete(worker);
      if ((message.rss ?? 0) > this.maxRss) {
        // Grown too large: let it go; the next document waiting starts a fresh one.
        gone = true;
        this.live--;
        void worker.terminate();
      } else this.idle.push(worker);
      pending.resolve(message.result);
      this.dispatch();
    });
    const lost = (why: string): void => {
      if (gone) return;
      gone = true;
      this.live--;
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (this.closed) return;
      if (pending) {
        pending.resolve({
          ok: false,
          id: pending.task.id,
          error: { message: `worker stopped: ${why}`, file: pending.task.path, line: null, column: null, code: 'E_INTERNAL' },
        });
      }
      this.dispatch();
    };
    worker.onLost(lost);
    return worker;
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      const worker = this.idle.pop() ?? (this.live < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.send({ seq: pending.seq, task: pending.task });
    }
  }
}

/**
 * Results of `tasks` in task order, at most `window` in flight: lets a consumer (the tables
 * writer) stream documents in a fixed order however the threads finish, in bounded memory.
 */
export async function* runOrdered(
  runner: TaskRunner,
  tasks: readonly DocumentTask[],
  window: number,
  onDone?: (result: TaskResult) => void,
): AsyncGenerator<TaskResult> {
  const inFlight: Array<Promise<TaskResult>> = [];
  let next = 0;
  const fill = (): void => {
    while (next < tasks.length && inFlight.length < window) {
      inFlight.push(
        runner.run(tasks[next++]!).then((r) => {
          onDone?.(r);
          return r;
        }),
      );
    }
  };
  fill();
  while (inFlight.length > 0) {
    const result = await inFlight.shift()!;
    fill();
    yield result;
  }
}
