import { createHash } from 'node:crypto';
import type { Brief } from '@briefs/ast';
import { BriefsError } from '@briefs/ast';
import type { ChartBlock } from './blocks.js';

/** What this package needs of a chart spec from @briefs/charts. */
export interface ChartSpecLike {
  id?: string;
  title?: string;
  /** Alternative text generated from the chart's data. */
  alt: string;
  width?: number;
  height?: number;
}

/** Options this package passes to the spec functions: the text width, the theme's colour. */
export interface ChartSizeOptions {
  width?: number;
  theme?: { accent?: string };
}

/** The @briefs/charts API: pure specs from ASTs, and a vector SVG per spec. */
export interface ChartsApi {
  briefCharts(brief: Brief, options?: ChartSizeOptions): readonly ChartSpecLike[];
  packCharts(briefs: readonly Brief[], options?: ChartSizeOptions): readonly ChartSpecLike[];
  renderChartSvg(spec: ChartSpecLike): string | Promise<string>;
}

let loaded: Promise<ChartsApi | null> | undefined;

/**
 * @briefs/charts when it exports the API; null while it does not (briefs are then drawn without
 * charts). A module that is there but fails to load (a broken canvas build) is an error.
 */
export function defaultCharts(): Promise<ChartsApi | null> {
  loaded ??= (async () => {
    let mod: Record<string, unknown>;
    try {
      mod = (await import('@briefs/charts')) as Record<string, unknown>;
    } catch (error) {
      throw new BriefsError('E_INTERNAL', `@briefs/charts failed to load: ${(error as Error).message}`);
    }
    const api = mod as Partial<Record<keyof ChartsApi, unknown>>;
    return typeof api.briefCharts === 'function' && typeof api.packCharts === 'function' && typeof api.renderChartSvg === 'function'
      ? (mod as unknown as ChartsApi)
      : null;
  })();
  return loaded;
}

/**
 * SVGs by spec: `briefs build` draws a document's charts for `briefs/<id>.pdf` and, right after,
 * for its part of the pack. Specs are pure JSON, so the JSON is the key. Small (least recently
 * used out first): only the next drawing of the same document hits, and a worker draws thousands
 * of documents whose charts never come back (2,000 entries were most of a worker's growing memory).
 */
const svgCache = new Map<string, string>();
const SVG_CACHE_LIMIT = 64;

/**
 * Charts drawn before, to draw again without the chart renderer, and where the charts drawn now
 * are recorded: SVGs by the SHA-256 of their spec's JSON. `briefs build` keeps a document's drawings beside its part
 * of the pack, so a rebuild of a document whose charts did not change (most edits: a sentence, a
 * title, a name) draws none, and in a fresh process does not even load the renderer, whose first
 * drawings are a third of a first brief's time.
 */
export interface ChartDrawings {
  kept: ReadonlyMap<string, string>;
  drawn: Map<string, string>;
}

async function svgOf(api: ChartsApi, spec: ChartSpecLike, drawings?: ChartDrawings): Promise<string> {
  const key = JSON.stringify(spec);
  // A drawing is kept under a SHA-256 of its spec, which says all it shows.
  const stored = drawings ? createHash('sha256').update(key).digest('hex') : '';
  // A document's kept drawings serve that document only: they do not enter the cache.
  const kept = drawings?.kept.get(stored);
  if (kept !== undefined) {
    drawings?.drawn.set(stored, kept);
    return kept;
  }
  const hit = svgCache.get(key);
  if (hit !== undefined) svgCache.delete(key);
  const svg = hit ?? (await api.renderChartSvg(spec));
  svgCache.set(key, svg);
  if (svgCache.size > SVG_CACHE_LIMIT) svgCache.delete(svgCache.keys().next().value as string);
  drawings?.drawn.set(stored, svg);
  return svg;
}

/**
 * Renders specs to SVG chart blocks, in order, taking kept `drawings` and recording those made.
 * A chart that fails to draw keeps its alt text.
 */
export async function chartBlocks(api: ChartsApi, specs: readonly ChartSpecLike[], drawings?: ChartDrawings): Promise<ChartBlock[]> {
  return Promise.all(
    specs.map(async (spec): Promise<ChartBlock> => {
      const aspect = spec.width && spec.height ? spec.height / spec.width : 0.5;
      const title = spec.title ?? '';
      try {
        const svg = await svgOf(api, spec, drawings);
        return { type: 'chart', title, alt: spec.alt, svg, aspect };
      } catch (error) {
        return { type: 'chart', title, alt: spec.alt, svg: null, aspect, error: (error as Error).message };
      }
    }),
  );
}
