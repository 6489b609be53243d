import { type ChildProcess, type SpawnOptions, fork, spawn } from 'node:child_process';
import { type Brief, BriefsError, type BriefsErrorCode } from '@briefs/ast';
import type { DocumentTask, TaskSettings } from './document-task.js';
import { entryFile, pdfSnapshot } from './entries.js';
import type { PackFailure, PackJob } from './pack-task.js';

/** What the PDF process answers a request with. */
export type PdfReply = { seq: number; outputs: string[] } | { seq: number; failure: PackFailure };

interface Waiting {
  /** What was asked (sent again to a process started afresh, see `PdfProcess`). */
  request: object;
  resolve: (outputs: string[]) => void;
  reject: (error: Error) => void;
  /** How a lost process fails this request. */
  lost: (why: string) => Error;
}

/**
 * A child process that draws PDFs: the pack, and in a small rebuild the changed documents' PDFs
 * too. Loading the renderer (modules, fonts, the chart renderer) is most of a first document's
 * time; started at the beginning of a build, the process loads it while this one parses, and
 * the pack is then written by the process that has it loaded already, beside the tables being
 * written here. Requests are answered in order. Errors come back as the same `BriefsError`s; a
 * process that dies (a crash in native code) fails what it was asked with `E_INTERNAL`. It
 * leaves with its parent.
 *
 * Started from its startup snapshot (see `pdfSnapshot`), a process that ends before it has
 * answered anything (a snapshot Node will not start from) is replaced by one started from its
 * entry, which is asked again what the first was, and this is said on stderr: the snapshot only
 * makes the process faster, never a build fail.
 */
export class PdfProcess {
  private child: ChildProcess;
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;
  private gone: string | null = null;
  private settings: TaskSettings | null = null;
  /** Whether the current process started from the snapshot and has not answered yet. */
  private untried: boolean;
  private ending = false;

  /**
   * Starts the process: from its startup snapshot when there is one (the renderer loaded and warm),
   * else from its entry, which loads the renderer at once; either waits for its settings (`start`).
   */
  constructor() {
    const snapshot = pdfSnapshot();
    this.untried = snapshot !== null;
    this.child = this.launch(snapshot);
  }

  private launch(snapshot: string | null): ChildProcess {
    const options: SpawnOptions = { serialization: 'advanced', stdio: ['ignore', 'inherit', snapshot ? 'pipe' : 'inherit', 'ipc'] };
    const child = snapshot ? spawn(process.execPath, ['--snapshot-blob', snapshot], options) : fork(entryFile('pdf-worker.js'), [], { ...options, execArgv: [] });
    // From a snapshot, what the process says on stderr is held until it has answered once, and
    // dropped if it never does: a snapshot Node will not start from makes it print a native stack
    // trace, not for the user.
    let answered = snapshot === null;
    const held: Buffer[] = [];
    child.stderr?.on('data', (chunk: Buffer) => {
      if (answered) process.stderr.write(chunk);
      else held.push(chunk);
    });
    child.on('message', (message: PdfReply) => {
      if (!answered) for (const chunk of held.splice(0)) process.stderr.write(chunk);
      answered = true;
      this.untried = false;
      const waiting = this.waiting.get(message.seq);
      if (!waiting) return;
      this.waiting.delete(message.seq);
      if ('outputs' in message) waiting.resolve(message.outputs);
      else waiting.reject(fromFailure(message.failure));
    });
    let ended = false;
    const lost = (why: string): void => {
      if (ended || child !== this.child) return;
      ended = true;
      if (this.untried && !this.ending) {
        // The snapshot did not start: the same again from the entry.
        process.stderr.write(`briefs: the PDF process did not start from its snapshot (${why}); started without it\n`);
        this.untried = false;
        this.child = this.launch(null);
        if (this.settings) this.child.send({ settings: this.settings });
        for (const waiting of this.waiting.values()) this.child.send(waiting.request);
        return;
      }
      if (this.gone !== null) return;
      this.gone = why;
      for (const waiting of this.waiting.values()) waiting.reject(waiting.lost(why));
      this.waiting.clear();
    };
    child.on('error', (error) => lost(error.message));
    child.on('exit', (code, signal) => lost(signal ? `killed by ${signal}` : `exit code ${code}`));
    return child;
  }

  /**
   * Hands the process its settings: once the renderer is loaded, it reads the parts' sidecars.
   * Once: a process already started keeps its settings.
   */
  start(settings: TaskSettings): void {
    if (this.settings !== null || this.gone !== null) return;
    this.settings = settings;
    this.child.send({ settings });
  }

  /** Ends a process not needed after all, at once (what it was asked fails). */
  dismiss(): void {
    this.ending = true;
    if (this.gone === null) this.child.kill();
  }

  /** Whether the process is still there to ask (it may have crashed on a document). */
  get alive(): boolean {
    return this.gone === null;
  }

  /** Draws and writes `task`'s PDFs (see `renderDocument`); resolves to the files written. */
  render(task: DocumentTask, brief: Brief): Promise<string[]> {
    return this.ask({ render: { task, brief } }, (why) => new BriefsError('E_INTERNAL', `the PDF process stopped (${why})`, { file: task.path }));
  }

  /** Writes `pack.pdf` (see `writePackFile`). */
  writePack(job: PackJob): Promise<void> {
    return this.ask({ pack: job }, (why) => new BriefsError('E_INTERNAL', `the pack process ended (${why}) before the pack was written`)).then(() => undefined);
  }

  /** Lets the process go (what it was still asked fails: await the answers first). */
  close(): Promise<void> {
    this.ending = true;
    return new Promise((resolve) => {
      if (this.gone !== null || this.child.exitCode !== null || this.child.signalCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      // Never asked anything: nothing to finish, and it may still be starting up.
      if (this.settings !== null) this.child.disconnect();
      else this.child.kill();
    });
  }

  private ask(request: object, lost: (why: string) => Error): Promise<string[]> {
    if (this.gone !== null) return Promise.reject(lost(this.gone));
    const seq = this.seq++;
    const message = { seq, ...request };
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { request: message, resolve, reject, lost });
      this.child.send(message);
    });
  }
}

/** A failure as it comes back: the same `BriefsError` (message, file, `line:column`), or an internal error with its stack. */
function fromFailure(error: PackFailure): Error {
  if (error.code === 'E_INTERNAL' && error.stack) {
    const internal = new Error(error.message);
    internal.stack = error.stack;
    return internal;
  }
  return new BriefsError(error.code as BriefsErrorCode, error.message, { ...(error.file ? { file: error.file } : {}), ...(error.point ? { point: error.point } : {}) });
}

