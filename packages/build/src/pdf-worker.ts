import { servePdfRequests } from './pdf-serve.js';

/** Entry of the PDF process when it is not started from its snapshot (see `PdfProcess`). */
servePdfRequests();
