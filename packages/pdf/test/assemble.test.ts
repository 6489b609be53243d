import { describe, expect, it } from 'vitest';
import { type AssemblyPart, assemblePack, packDigest, renderPack, renderPackContents, renderPackHost, renderPackPart, renderPackSection } from '../src/index.js';
import type { PackOptions } from '../src/render-pack.js';
import { sampleBrief } from './fixtures/sample-brief.js';
import { pdfinfo, pdftotext, qpdfCheck, qpdfJson, toFile } from './pdf-tools.js';

type Dict = Record<string, unknown>;

/** The objects of a PDF by reference ("12 0 R"), streams by their dictionary. */
function objectsOf(file: string): Map<string, Dict> {
  const objects = new Map<string, Dict>();
  for (const [key, o] of Object.entries(qpdfJson(file).objects)) {
    const value = (o as { value?: unknown; stream?: { dict: Dict } }).value ?? (o as { stream?: { dict: Dict } }).stream?.dict;
    if (value && typeof value === 'object' && !Array.isArray(value)) objects.set(key.replace(/^obj:/, ''), value as Dict);
  }
  return objects;
}

/**
 * Checks the structure tree the way a screen reader walks it: every element reachable from the
 * root has its /P pointing back at its parent; every marked-content id on every page and every
 * annotation is found through the parent tree, at an element that claims it.
 */
function checkStructure(file: string): { elements: number; pages: number } {
  const objects = objectsOf(file);
  const catalog = [...objects.values()].find((o) => o['/Type'] === '/Catalog')!;
  const root = objects.get(catalog['/StructTreeRoot'] as string)!;
  // Parent tree: leaves under /Kids, or /Nums at the root.
  const parentTree = new Map<number, unknown>();
  const readTree = (node: Dict): void => {
    const nums = node['/Nums'] as unknown[] | undefined;
    if (nums) for (let i = 0; i < nums.length; i += 2) parentTree.set(nums[i] as number, nums[i + 1]);
    for (const kid of (node['/Kids'] as string[] | undefined) ?? []) readTree(objects.get(kid)!);
  };
  readTree(root['/ParentTree'] as Dict);
  expect(Math.max(...parentTree.keys()) + 1).toBeLessThanOrEqual(root['/ParentTreeNextKey'] as number);

  const claimed = new Map<string, Set<number>>(); // page ref → MCIDs claimed by elements
  const parentOf = new Map<string, string>();
  let elements = 0;
  const walk = (ref: string, parent: string): void => {
    const element = objects.get(ref)!;
    elements++;
    expect(element['/P'], `parent of ${ref}`).toBe(parent);
    parentOf.set(ref, parent);
    const kids = element['/K'];
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      if (typeof kid === 'number') {
        const page = element['/Pg'] as string;
        if (!claimed.has(page)) claimed.set(page, new Set());
        claimed.get(page)!.add(kid);
      } else if (typeof kid === 'string') {
        const target = objects.get(kid)!;
        if (target['/Type'] === '/Annot') continue;
        walk(kid, ref);
      } else if (kid && typeof kid === 'object') {
        const mcr = kid as Dict;
        if (mcr['/Type'] === '/MCR') {
          if (!claimed.has(mcr['/Pg'] as string)) claimed.set(mcr['/Pg'] as string, new Set());
          claimed.get(mcr['/Pg'] as string)!.add(mcr['/MCID'] as number);
        }
      }
    }
  };
  const tops = root['/K'];
  for (const top of Array.isArray(tops) ? tops : [tops]) walk(top as string, catalog['/StructTreeRoot'] as string);

  const pages = qpdfJson(file).pages.map((p) => p.object);
  for (const page of pages) {
    const dict = objects.get(page)!;
    const key = dict['/StructParents'];
    if (key === undefined) continue;
    const entry = parentTree.get(key as number);
    expect(Array.isArray(entry), `parent tree entry ${key} of page ${page}`).toBe(true);
    (entry as Array<string | null>).forEach((element, mcid) => {
      if (element === null) return;
      expect(parentOf.has(element), `MCID ${mcid} of ${page} → ${element} is in the tree`).toBe(true);
      expect(claimed.get(page)?.has(mcid), `element ${element} claims MCID ${mcid} on ${page}`).toBe(true);
    });
    for (const annot of (dict['/Annots'] as string[] | undefined) ?? []) {
      const a = objects.get(annot)!;
      if (a['/StructParent'] === undefined) continue;
      const owner = parentTree.get(a['/StructParent'] as number) as string;
      expect(parentOf.has(owner), `annotation ${annot} → ${owner}`).toBe(true);
    }
  }
  return { elements, pages: pages.length };
}

describe('assemblePack', async () => {
  const briefs = [0, 1, 2, 3].map((i) => sampleBrief(`doc-${i}`, i));
  const options: PackOptions = { title: 'Assembly Check', charts: false, date: 0 };
  const parts = await Promise.all(briefs.map((b) => renderPackPart(b, options)));

  async function assemble(indices: number[]): Promise<Uint8Array> {
    const digests = indices.map((i) => packDigest(briefs[i]!));
    const chosen = [...(await renderPackSection('at-a-glance', digests, options)), ...indices.map((i) => parts[i]!), ...(await renderPackSection('appendix', digests, options))];
    chosen.unshift(...(await renderPackContents(digests, chosen.map((p) => p.meta), options)));
    const host = await renderPackHost(
      digests,
      chosen.map((p) => p.meta),
      options,
    );
    const chunks: Uint8Array[] = [];
    assemblePack(host, chosen, (c) => chunks.push(c));
    return Buffer.concat(chunks);
  }

  it('is the pack renderPack makes', async () => {
    const assembled = await assemble([0, 1, 2, 3]);
    expect(Buffer.compare(Buffer.from(assembled), Buffer.from(await renderPack(briefs, options)))).toBe(0);
  });

  it('has a whole structure tree: every element, MCID and link annotation accounted for', async () => {
    const file = toFile(await assemble([0, 1, 2, 3]), 'assembled.pdf');
    expect(qpdfCheck(file)).toMatch(/No syntax or stream encoding errors/);
    expect(pdfinfo(file).Tagged).toBe('yes');
    const { elements, pages } = checkStructure(file);
    expect(elements).toBeGreaterThan(100);
    expect(pages).toBe(Number(pdfinfo(file).Pages));
  });

  it('reuses a part drawn once in packs of another order and size, numbered where it lands', async () => {
    const a = toFile(await assemble([0, 1, 2]), 'a.pdf');
    const b = toFile(await assemble([2, 3]), 'b.pdf');
    for (const file of [a, b]) {
      checkStructure(file);
      const pages = Number(pdfinfo(file).Pages);
      for (let p = 2; p <= pages; p++) expect(pdftotext(file, p)).toContain(`Page ${p} of ${pages}`);
    }
    // doc-2's pages are the same part in both packs, at different page numbers.
    const title = briefs[2]!.meta.title;
    const firstPage = (file: string): number => {
      const pages = Number(pdfinfo(file).Pages);
      for (let p = 3; p <= pages; p++) if (pdftotext(file, p).includes(title) && pdftotext(file, p).includes('Outline of the text')) return p;
      return -1;
    };
    expect(firstPage(a)).toBeGreaterThan(firstPage(b));
  });

  it('draws the running header into the part itself, the same wherever the part lands', async () => {
    const part = toFile(parts[2]!.pdf, 'part.pdf');
    const title = briefs[2]!.meta.title;
    for (let p = 1; p <= parts[2]!.meta.pages; p++) {
      const text = pdftotext(part, p);
      expect(text).toContain(options.title);
      expect(text.split(title).length - 1, `page ${p}`).toBeGreaterThanOrEqual(1);
      expect(text).not.toMatch(/Page \d+ of/);
    }
    // In the pack, the host adds only the footer: each part page shows its header once.
    const file = toFile(await assemble([2, 3]), 'headers.pdf');
    const pages = Number(pdfinfo(file).Pages);
    let seen = 0;
    for (let p = 2; p <= pages; p++) {
      const text = pdftotext(file, p);
      if (!text.includes(title)) continue;
      seen++;
      expect(text.split(options.title).length - 1, `page ${p}`).toBe(1);
    }
    expect(seen).toBeGreaterThanOrEqual(parts[2]!.meta.pages);
  });

  it('names a damaged part instead of writing a broken pack', async () => {
    const digests = [packDigest(briefs[0]!)];
    const [glance] = await renderPackSection('at-a-glance', digests, options);
    const [appendix] = await renderPackSection('appendix', digests, options);
    const host = await renderPackHost(digests, [glance!.meta, parts[0]!.meta, appendix!.meta], options);
    const failure = (part: AssemblyPart): unknown => {
      try {
        assemblePack(host, [glance!, part, appendix!], () => {});
      } catch (error) {
        return error;
      }
      return null;
    };
    const broken: AssemblyPart = { pdf: parts[0]!.pdf.subarray(0, parts[0]!.pdf.length - 40), meta: parts[0]!.meta };
    expect(failure(broken)).toMatchObject({ file: 'pack part doc-0', message: 'not a complete PDF (no startxref)' });
    const wrongCount: AssemblyPart = { pdf: parts[0]!.pdf, name: '.briefs-parts/doc-0.pdf', meta: { ...parts[0]!.meta, pages: parts[0]!.meta.pages + 1 } };
    expect(failure(wrongCount)).toMatchObject({ file: '.briefs-parts/doc-0.pdf', message: expect.stringMatching(/has \d+ pages, its record says/) });
    // A part file that is not the one its record was made from (a stale or swapped sidecar).
    const swapped: AssemblyPart = { pdf: parts[1]!.pdf, name: '.briefs-parts/doc-0.pdf', meta: parts[0]!.meta };
    expect(failure(swapped)).toMatchObject({ file: '.briefs-parts/doc-0.pdf', message: expect.stringMatching(/bytes, its record says|not where its record says/) });
    // Same length, objects moved by a byte: found by the check of where each object starts.
    const pdf = Buffer.from(parts[0]!.pdf);
    const shifted: AssemblyPart = { pdf: Buffer.concat([Buffer.from('\n'), pdf.subarray(0, pdf.length - 1)]), name: '.briefs-parts/doc-0.pdf', meta: parts[0]!.meta };
    expect(failure(shifted)).toMatchObject({ file: '.briefs-parts/doc-0.pdf', message: expect.stringMatching(/relocation record|not where its record says/) });
  });
});
