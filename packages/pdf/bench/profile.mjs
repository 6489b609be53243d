/**
 * Profile helper (not part of the bench): renders distinct synthetic briefs after warm-up and
 * writes a CPU profile of the measured part only. `node bench/profile.mjs [n] [out.cpuprofile] [nocharts]`
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { renderBrief } from '../dist/index.js';
import { syntheticBrief } from './synthetic.mjs';

const n = Number(process.argv[2] ?? 30);
const out = process.argv[3];
const charts = process.argv[4] !== 'nocharts';
for (let i = 0; i < 5; i++) await renderBrief(syntheticBrief(i), { date: 0 });
const session = new Session();
if (out) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
}
const t = performance.now();
const c = process.cpuUsage();
for (let i = 0; i < n; i++) await renderBrief(syntheticBrief(10 + i), { date: 0, ...(charts ? {} : { charts: false }) });
const u = process.cpuUsage(c);
console.log(`${((performance.now() - t) / n).toFixed(1)} ms per brief (CPU ${((u.user + u.system) / 1000 / n).toFixed(1)} ms)`);
if (out) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(out, JSON.stringify(profile));
}
