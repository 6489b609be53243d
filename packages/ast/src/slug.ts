/**
 * `<doc-id>` of CONTRACT.md: the file name without its extension, lower-cased, runs of
 * characters other than `a-z0-9` turned into `-` (`Number 0001.md` → `number-0001`).
 */
export function slugFromPath(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  const stem = base.includes('.') && !base.startsWith('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return slugify(stem);
}

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'document';
}

/**
 * Ids for many inputs at once: where two inputs share a slug, their parent folders are prefixed
 * (as many as it takes to tell them apart). Deterministic for a given list of paths.
 */
export function assignDocIds(paths: readonly string[]): Map<string, string> {
  const parts = paths.map((p) => p.split(/[\\/]/).filter((s) => s && s !== '.'));
  const ids = new Map<string, string>();
  const depth = new Array<number>(paths.length).fill(0);
  const idAt = (i: number): string => {
    const segs = parts[i]!;
    const file = slugFromPath(segs[segs.length - 1] ?? paths[i]!);
    const dirs = segs.slice(Math.max(0, segs.length - 1 - depth[i]!), segs.length - 1).map(slugify);
    return [...dirs, file].join('-');
  };
  for (let round = 0; round < 64; round++) {
    const groups = new Map<string, number[]>();
    paths.forEach((_, i) => {
      const id = idAt(i);
      groups.set(id, [...(groups.get(id) ?? []), i]);
    });
    let clash = false;
    for (const members of groups.values()) {
      if (members.length < 2) continue;
      for (const i of members) {
        if (depth[i]! < parts[i]!.length - 1) {
          depth[i]!++;
          clash = true;
        }
      }
    }
    if (!clash) break;
  }
  // Still equal (same path given twice, or no folders left to tell apart): number them.
  const seen = new Map<string, number>();
  paths.forEach((path, i) => {
    let id = idAt(i);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    if (n > 0) id = `${id}-${n + 1}`;
    ids.set(path, id);
  });
  return ids;
}
