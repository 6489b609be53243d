import type { Brief } from '@briefs/ast';
import { type DocumentTask, type TaskSettings, renderDocument } from './document-task.js';
import { type PackJob, readSidecarsAhead, toPackFailure, writePackFile } from './pack-task.js';
import type { PdfReply } from './pdf-process.js';
import { loadPdfStage } from './stages.js';

type Request =
  | { settings: TaskSettings }
  | { seq: number; render: { task: DocumentTask; brief: Brief } }
  | { seq: number; pack: PackJob };

/**
 * What the PDF process does (see `PdfProcess`): loads the renderer (at once: no settings needed),
 * then draws documents' PDFs and writes the pack as asked, one request at a time, in order.
 * Started by its entry (`pdf-worker.js`), or by its startup snapshot, where the renderer is loaded
 * and warm already (`pdf-snapshot.js`).
 */
export function servePdfRequests(): void {
  let settings: TaskSettings | null = null;
  let sidecars: ReturnType<typeof readSidecarsAhead> | null = null;
  // Loading the renderer (modules, fonts) is most of a first document's time: begun at once, while
  // the parent is still planning and parsing. A load that fails fails again, with its error, where
  // the renderer is first used.
  let queue: Promise<unknown> = loadPdfStage().catch(() => undefined);
  const reply = (message: PdfReply): void => {
    process.send?.(message);
  };

  async function answer(request: Exclude<Request, { settings: TaskSettings }>): Promise<void> {
    if ('render' in request) {
      const { task, brief } = request.render;
      try {
        if (!settings) throw new Error('the PDF process got a document before its settings');
        sidecars?.forget(task.id);
        reply({ seq: request.seq, outputs: await renderDocument(task.id, brief, settings) });
      } catch (error) {
        reply({ seq: request.seq, failure: toPackFailure(error) });
      }
      return;
    }
    try {
      await writePackFile(request.pack, sidecars?.read);
      reply({ seq: request.seq, outputs: ['pack.pdf'] });
    } catch (error) {
      reply({ seq: request.seq, failure: toPackFailure(error) });
    }
  }

  process.on('message', (request: Request) => {
    if ('settings' in request) {
      settings = request.settings;
      // Once the renderer is loaded, the parts' sidecars, which the pack reads, are read meanwhile.
      queue = queue
        .then(() => {
          sidecars = readSidecarsAhead(request.settings.outDir);
        })
        .catch(() => undefined);
      return;
    }
    queue = queue.then(() => answer(request));
  });
  // The parent is gone (killed, or done): nothing left to write for.
  process.on('disconnect', () => process.exit(0));
}
