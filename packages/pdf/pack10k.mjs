import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writePackFromParts } from '@briefs/pdf';
const dir = process.argv[2];
const ids = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const parts = ids.map((id) => { const s = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')); return { file: join(dir, `${id}.pdf`), meta: s.meta, digest: s.digest }; });
const t = performance.now();
await writePackFromParts(parts, { title: 'Briefing pack', date: 0 }, '/tmp/pack10k.pdf');
console.log(parts.length, 'parts', ((performance.now() - t) / 1000).toFixed(1), 's', (process.memoryUsage().rss / 2 ** 20).toFixed(0), 'MiB rss at end');
