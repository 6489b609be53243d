/** Where the build reports progress and problems: stderr in the CLI, anything in tests. */
export interface Reporter {
  /** A phase with `total` steps begins ("parse and render", 1000). */
  start(phase: string, total: number): void;
  /** One step of the phase is done. */
  tick(): void;
  /** The phase is over. */
  end(): void;
  /** A line to show whatever the mode (a failed document, a diagnostic). */
  line(text: string): void;
}

export const silentReporter: Reporter = { start() {}, tick() {}, end() {}, line() {} };

interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * A progress bar with counts and ETA on a terminal; plain lines (at most one per tenth of the
 * work, or every 5 s) when the stream is not a terminal or `CI=true`, so logs stay readable.
 */
export function createReporter(stream: Stream, env: NodeJS.ProcessEnv = process.env): Reporter {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return stream.isTTY && !ci ? new BarReporter(stream) : new LineReporter(stream);
}

abstract class PhaseReporter implements Reporter {
  protected phase = '';
  protected total = 0;
  protected done = 0;
  protected started = 0;
  constructor(protected readonly stream: Stream) {}
  start(phase: string, total: number): void {
    this.phase = phase;
    this.total = total;
    this.done = 0;
    this.started = Date.now();
  }
  tick(): void {
    this.done++;
  }
  abstract end(): void;
  abstract line(text: string): void;
  protected eta(): string {
    if (this.done === 0 || this.done >= this.total) return '';
    const ms = ((Date.now() - this.started) / this.done) * (this.total - this.done);
    return ` ETA ${formatDuration(ms)}`;
  }
  protected elapsed(): string {
    return formatDuration(Date.now() - this.started);
  }
}

class BarReporter extends PhaseReporter {
  private lastDraw = 0;
  private drawn = false;
  override start(phase: string, total: number): void {
    super.start(phase, total);
    this.draw(true);
  }
  override tick(): void {
    super.tick();
    this.draw(this.done === this.total);
  }
  end(): void {
    this.clear();
    this.stream.write(`${this.phase}: ${this.done}/${this.total} in ${this.elapsed()}\n`);
  }
  line(text: string): void {
    this.clear();
    this.stream.write(`${text}\n`);
    this.draw(true);
  }
  private clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    if (this.total === 0) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 50));
    const filled = Math.round((this.done / this.total) * width);
    const percent = Math.floor((this.done / this.total) * 100);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    this.stream.write(`\r\x1b[K${this.phase} ${bar} ${this.done}/${this.total} ${percent}%${this.eta()}`);
    this.drawn = true;
  }
}

class LineReporter extends PhaseReporter {
  private lastStep = 0;
  private lastAt = 0;
  override start(phase: string, total: number): void {
    super.start(phase, total);
    this.lastStep = 0;
    this.lastAt = Date.now();
    if (total > 0) this.stream.write(`${phase}: ${total} to do\n`);
  }
  override tick(): void {
    super.tick();
    const step = Math.floor((this.done / Math.max(1, this.total)) * 10);
    const now = Date.now();
    if (this.done < this.total && (step > this.lastStep || now - this.lastAt >= 5000)) {
      this.lastStep = step;
      this.lastAt = now;
      const percent = Math.floor((this.done / this.total) * 100);
      this.stream.write(`${this.phase}: ${this.done}/${this.total} (${percent}%)${this.eta()}\n`);
    }
  }
  end(): void {
    if (this.total > 0) this.stream.write(`${this.phase}: ${this.done}/${this.total} in ${this.elapsed()}\n`);
  }
  line(text: string): void {
    this.stream.write(`${text}\n`);
  }
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${(ms / 1000).toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
