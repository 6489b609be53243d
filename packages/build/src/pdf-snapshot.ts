import { startupSnapshot } from 'node:v8';
import { servePdfRequests } from './pdf-serve.js';
import { loadPdfStage } from './stages.js';

/**
 * Entry of the PDF process's startup snapshot (apps/cli/scripts/snapshot.mjs builds it from the
 * CLI's bundle): the renderer loaded, and warmed by drawing a made-up brief and pack pages (see
 * @briefs/pdf `warmUpRenderer`), so that a process started from the snapshot draws its first
 * document at nearly the speed of its next. A failure here fails the snapshot's build, and the
 * PDF process is then started from its entry as before.
 */
void loadPdfStage().then((pdf) => pdf.warmUp());
startupSnapshot.setDeserializeMainFunction(() => servePdfRequests());
