/**
 * A small well-formedness check for the SVG cairo writes: tags balance, attributes are quoted, one
 * root element. Enough to catch a truncated or mangled document without an XML parser dependency.
 */
export function checkWellFormed(xml: string): { ok: true; elements: Map<string, number> } | { ok: false; error: string } {
  const elements = new Map<string, number>();
  const stack: string[] = [];
  let roots = 0;
  const token = /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\/([A-Za-z][\w:.-]*)\s*>|<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|>/g;
  let m: RegExpExecArray | null;
  let last = 0;
  for (;;) {
    m = token.exec(xml);
    if (m === null) break;
    const between = xml.slice(last, m.index);
    if (stack.length === 0 && between.trim() !== '') return { ok: false, error: `text outside the root at ${last}` };
    last = token.lastIndex;
    const [whole, close, open, , selfClose] = m;
    if (whole === '<' || whole === '>') return { ok: false, error: `stray "${whole}" at ${m.index}` };
    if (whole.startsWith('<?') || whole.startsWith('<!')) continue;
    if (close !== undefined) {
      if (stack.pop() !== close) return { ok: false, error: `unexpected </${close}> at ${m.index}` };
      continue;
    }
    if (open === undefined) return { ok: false, error: `bad tag at ${m.index}` };
    elements.set(open, (elements.get(open) ?? 0) + 1);
    if (stack.length === 0) roots++;
    if (selfClose !== '/') stack.push(open);
  }
  if (stack.length > 0) return { ok: false, error: `unclosed <${stack.at(-1)}>` };
  if (roots !== 1) return { ok: false, error: `${roots} root elements` };
  if (xml.slice(last).trim() !== '') return { ok: false, error: 'text after the root' };
  return { ok: true, elements };
}
