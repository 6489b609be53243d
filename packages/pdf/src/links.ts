/**
 * Only web and mail links reach the PDF: `javascript:`, `file:`, `data:` and relative links are
 * dropped (a PDF viewer would otherwise run or open them on a click).
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL, normalised, if it is http, https or mailto; else null. A relative link
 * (`/experts/name`, as scraped pages keep them) is resolved against `base` (the article's own
 * URL) when there is one.
 */
export function safeUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  const text = raw.trim();
  if (text === '' || /[\s<>"]/.test(text)) return null;
  let url: URL;
  try {
    url = base && !/^[a-z][a-z0-9+.-]*:/i.test(text) && !text.startsWith('#') ? new URL(text, safeUrl(base) ?? undefined) : new URL(text);
  } catch {
    return null;
  }
  if (!ALLOWED.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && url.hostname === '') return null;
  return url.href;
}
