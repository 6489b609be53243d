import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import type { Brief } from '@briefs/ast';
import { BriefsError, slugFromPath } from '@briefs/ast';
import { isMap, isScalar, isSeq, LineCounter, type Node as YamlNode, parseDocument, type Scalar, type YAMLMap } from 'yaml';
import type { PageSize } from './layout.js';
import type { ThemeColours } from './styles.js';

/** A document named by a pack file, with the line that names it (for errors). */
export interface PackDocumentRef {
  ref: string;
  line: number;
  column: number;
}

export interface PackTheme {
  organisation: string;
  colours: Partial<ThemeColours>;
  /** Absolute path of a PNG or JPEG logo, or null. */
  logo: string | null;
}

export type PackOrder = 'listed' | 'published' | 'title';

/** A pack file (YAML or JSON), validated. */
export interface PackConfig {
  /** The pack file as given (errors name it). */
  file: string;
  title: string;
  subtitle: string;
  /** ISO 8601 date shown on the cover and written as CreationDate; null: from the inputs. */
  date: string | null;
  /** Documents by id or path, in pack order; null: every input. */
  documents: PackDocumentRef[] | null;
  order: PackOrder;
  pageSize: PageSize;
  theme: PackTheme;
}

const TOP_KEYS = ['title', 'subtitle', 'date', 'documents', 'order', 'pageSize', 'theme'];
const THEME_KEYS = ['organisation', 'organization', 'colours', 'colors', 'logo'];
const COLOUR_KEYS: Array<keyof ThemeColours> = ['primary', 'accent', 'muted', 'rule', 'zebra'];

/**
 * Reads and validates a pack file. JSON is read by the YAML parser too (YAML 1.2 is a superset),
 * so both report errors with `file:line:column`.
 */
export async function loadPackFile(path: string): Promise<PackConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new BriefsError('E_INPUT_NOT_FOUND', `pack file not found: ${path}`, { file: path });
  }
  return parsePackFile(text, path);
}

/** Validates the text of a pack file; `path` names it in errors and anchors relative paths. */
export function parsePackFile(text: string, path: string): PackConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const fail = (message: string, offset = 0): never => {
    const at = lines.linePos(offset);
    throw new BriefsError('E_CONFIG_INVALID', message, { file: path, point: { line: at.line, column: at.col } });
  };
  const first = doc.errors[0];
  if (first) fail(`not valid YAML or JSON: ${first.message.split('\n')[0]}`, first.pos[0]);
  const root = doc.contents;
  if (!isMap(root)) return fail('a pack file is a mapping with at least `title`', root?.range?.[0] ?? 0);
  const at = (node: YamlNode | null | undefined): number => node?.range?.[0] ?? 0;

  const keysOf = (map: YAMLMap, allowed: string[], where: string): Map<string, YamlNode | null> => {
    const out = new Map<string, YamlNode | null>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key)) fail(`unknown key \`${key}\` in ${where} (allowed: ${allowed.join(', ')})`, at(pair.key as YamlNode));
      out.set(key, (pair.value as YamlNode | null) ?? null);
    }
    return out;
  };
  const string = (node: YamlNode | null | undefined, name: string): string => {
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) return fail(`\`${name}\` must be a string`, at(node));
    return String((node as Scalar).value).trim();
  };

  const top = keysOf(root, TOP_KEYS, 'the pack file');
  if (!top.has('title')) fail('`title` is required');
  const title = string(top.get('title'), 'title');
  if (title === '') fail('`title` must not be empty', at(top.get('title')));
  const subtitle = top.has('subtitle') ? string(top.get('subtitle'), 'subtitle') : '';

  let date: string | null = null;
  if (top.has('date')) {
    const node = top.get('date');
    date = string(node, 'date');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(new Date(`${date}T00:00:00Z`).getTime())) fail(`\`date\` must be an ISO date (YYYY-MM-DD), got "${date}"`, at(node));
  }

  let documents: PackDocumentRef[] | null = null;
  if (top.has('documents')) {
    const node = top.get('documents');
    if (!isSeq(node)) return fail('`documents` must be a list of document ids or paths', at(node));
    documents = node.items.map((item) => {
      const ref = string(item as YamlNode, 'documents[]');
      if (ref === '') fail('an entry of `documents` is empty', at(item as YamlNode));
      const pos = lines.linePos(at(item as YamlNode));
      return { ref, line: pos.line, column: pos.col };
    });
    if (documents.length === 0) fail('`documents` is empty (leave it out to take every input)', at(node));
  }

  let order: PackOrder = 'listed';
  if (top.has('order')) {
    const value = string(top.get('order'), 'order');
    if (value !== 'listed' && value !== 'published' && value !== 'title') fail(`\`order\` must be listed, published or title, got "${value}"`, at(top.get('order')));
    order = value as PackOrder;
  }

  let pageSize: PageSize = 'A4';
  if (top.has('pageSize')) {
    const value = string(top.get('pageSize'), 'pageSize').toLowerCase();
    if (value !== 'a4' && value !== 'letter') fail(`\`pageSize\` must be A4 or Letter, got "${value}"`, at(top.get('pageSize')));
    pageSize = value === 'a4' ? 'A4' : 'Letter';
  }

  const theme: PackTheme = { organisation: '', colours: {}, logo: null };
  if (top.has('theme')) {
    const node = top.get('theme');
    if (!isMap(node)) return fail('`theme` must be a mapping (organisation, colours, logo)', at(node));
    const keys = keysOf(node, THEME_KEYS, '`theme`');
    const org = keys.get('organisation') ?? keys.get('organization');
    if (org !== undefined) theme.organisation = string(org, 'theme.organisation');
    const colours = keys.get('colours') ?? keys.get('colors');
    if (colours !== undefined) {
      if (!isMap(colours)) return fail('`theme.colours` must be a mapping', at(colours));
      for (const [key, value] of keysOf(colours, COLOUR_KEYS, '`theme.colours`')) {
        const colour = string(value, `theme.colours.${key}`);
        if (!/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(colour)) fail(`\`theme.colours.${key}\` must be a hex colour like #1f3a5f, got "${colour}"`, at(value));
        theme.colours[key as keyof ThemeColours] = colour.toLowerCase();
      }
    }
    const logo = keys.get('logo');
    if (logo !== undefined) {
      const raw = string(logo, 'theme.logo');
      const file = resolve(dirname(path), raw);
      if (!['.png', '.jpg', '.jpeg'].includes(extname(file).toLowerCase())) fail(`\`theme.logo\` must be a PNG or JPEG image, got "${raw}"`, at(logo));
      if (!existsSync(file)) fail(`\`theme.logo\` not found: ${file}`, at(logo));
      theme.logo = file;
    }
  }
  return { file: path, title, subtitle, date, documents, order, pageSize, theme };
}

/**
 * The briefs a pack names, in pack order. A document is named by its id, its doc-id slug, or its
 * source path (relative to the pack file or to the working directory). An unknown name is an
 * error on its line.
 */
export function selectPackBriefs(briefs: readonly Brief[], config: PackConfig, cwd = process.cwd()): Brief[] {
  let chosen: Brief[];
  if (config.documents === null) chosen = [...briefs];
  else {
    const base = dirname(resolve(cwd, config.file));
    chosen = config.documents.map((doc) => {
      const wanted = [resolve(base, doc.ref), resolve(cwd, doc.ref)];
      const found =
        briefs.find((b) => b.id === doc.ref) ??
        briefs.find((b) => b.source && wanted.includes(resolve(cwd, b.source.path))) ??
        briefs.find((b) => b.id === slugFromPath(doc.ref));
      if (!found) {
        throw new BriefsError('E_CONFIG_INVALID', `no input document matches "${doc.ref}" (give a doc-id or a source path)`, {
          file: config.file,
          point: { line: doc.line, column: doc.column },
        });
      }
      return found;
    });
  }
  if (config.order === 'published') chosen.sort((a, b) => (a.meta.published ?? '').localeCompare(b.meta.published ?? '') || a.id.localeCompare(b.id));
  if (config.order === 'title') chosen.sort((a, b) => a.meta.title.localeCompare(b.meta.title, 'en') || a.id.localeCompare(b.id));
  return chosen;
}

/**
 * Whether a pack can name `brief` (by id, slug or source path): what `briefs build` asks to
 * decide which documents need pack pages. Never narrower than `selectPackBriefs`.
 */
export function packMayInclude(brief: Brief, config: PackConfig, cwd = process.cwd()): boolean {
  if (config.documents === null) return true;
  const base = dirname(resolve(cwd, config.file));
  const source = brief.source ? resolve(cwd, brief.source.path) : null;
  return config.documents.some(
    (doc) => doc.ref === brief.id || slugFromPath(doc.ref) === brief.id || (source !== null && (resolve(base, doc.ref) === source || resolve(cwd, doc.ref) === source)),
  );
}
