/**
 * Link targets as a reader can follow them: relative URLs resolved against the page's source URL
 * when known; only http, https and mailto survive (no `javascript:`, `data:` or file paths: the
 * AST ends up in PDFs and spreadsheets where a link is clickable).
 */
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function resolveUrl(url: string, base: string, allowMailto = true): string | null {
  const raw = url.trim();
  if (!raw || raw.startsWith('#')) return null;
  // Without a base only an absolute URL parses, and it has a scheme ending in `:`: spare the throw.
  if (!base && !raw.includes(':')) return null;
  let parsed: URL;
  try {
    parsed = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (!ALLOWED.has(parsed.protocol) || (!allowMailto && parsed.protocol === 'mailto:')) return null;
  return parsed.href;
}
