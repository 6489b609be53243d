#!/usr/bin/env node
/**
 * Bundles the compiled CLI and the build's two process entries (a document worker, the PDF
 * process) into `dist/bundle/`, which `bin/briefs.js` runs when it is fresh. Loading ~700 small
 * ES modules is most of a start-up: the parser's take ~0.3 s and the PDF renderer's ~0.3 s as
 * files, a third of that bundled. The stages stay lazy: the parser, the PDF renderer, the charts
 * and the tables are chunks of their own, loaded on first use as before.
 *
 * What is found at run time relative to a module keeps finding it where it was: every
 * `import.meta.url`, `__dirname` and `__filename` in a bundled file is rewritten to that file's
 * own place, relative to the bundle (so the bundle works wherever the checkout is). Native and
 * CommonJS-loaded packages (canvas, chartjs-node-canvas, world-countries) are therefore required
 * from where they are installed, as without the bundle. One file keeps the bundle's own place:
 * `@briefs/build`'s entries.js, which finds the bundled process entries beside it.
 *
 * `dist/bundle/inputs.json` lists the workspace files bundled (and all the tool's fingerprint
 * reads), with their sizes, times and digests, and the fingerprint: a bundle older than any of
 * them (a package rebuilt alone) is not used, and a fresh one spares the fingerprint's reading.
 *
 * The PDF process is also bundled as one CommonJS file, `pdf-snapshot.cjs`, from which
 * scripts/snapshot.mjs (run last) makes its startup snapshot, `pdf.blob`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const cli = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(cli, 'dist', 'bundle');
const buildDist = join(dirname(fileURLToPath(import.meta.resolve('@briefs/build/package.json'))), 'dist');

/** Files whose `import.meta.url` stays the bundle's. */
const BUNDLE_LOCAL = new Set([join(buildDist, 'entries.js')]);

const toPosix = (path) => path.split(sep).join('/');

/** Rewrites a file's references to its own place (see above); `format`: the bundle's. */
const keepPlaces = (format) => ({
  name: 'keep-places',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.(?:js|mjs|cjs)$/ }, async (args) => {
      if (BUNDLE_LOCAL.has(args.path)) {
        if (format === 'esm') return undefined;
        // A CommonJS bundle has no `import.meta`: the bundle's own place is its file's.
        const text = await readFile(args.path, 'utf8');
        return { contents: text.replaceAll('import.meta.url', '__briefsBundleUrl'), loader: 'js', resolveDir: dirname(args.path) };
      }
      const text = await readFile(args.path, 'utf8');
      const meta = text.includes('import.meta.url');
      const node = /\b__(?:dirname|filename)\b/.test(text);
      if (!meta && !node) return undefined;
      const place = `new URL(${JSON.stringify(toPosix(relative(outdir, args.path)))}, __briefsBundleUrl)`;
      let contents = meta ? text.replaceAll('import.meta.url', `${place}.href`) : text;
      if (node) contents = `var __filename = __briefsFileURLToPath(${place}), __dirname = __briefsDirname(__filename);\n${contents}`;
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
});

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: cli,
  entryPoints: { main: join(cli, 'dist', 'main.js'), worker: join(buildDist, 'worker.js'), 'pdf-worker': join(buildDist, 'pdf-worker.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  // CommonJS code in the bundle requires Node's own modules through `require`.
  banner: {
    js: [
      "import { createRequire as __briefsCreateRequire } from 'node:module';",
      "import { dirname as __briefsDirname } from 'node:path';",
      "import { fileURLToPath as __briefsFileURLToPath } from 'node:url';",
      'const require = __briefsCreateRequire(import.meta.url);',
      'const __briefsBundleUrl = import.meta.url;',
    ].join(' '),
  },
  plugins: [keepPlaces('esm')],
  metafile: true,
  logLevel: 'warning',
});

// The PDF process's startup snapshot is made from one CommonJS file (Node's snapshot builder
// runs a single script): its entry with everything it loads, the renderer's data included.
const snapshotEntry = await build({
  absWorkingDir: cli,
  entryPoints: { 'pdf-snapshot': join(buildDist, 'pdf-snapshot.js') },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  banner: {
    js: [
      "const { dirname: __briefsDirname } = require('node:path');",
      "const { fileURLToPath: __briefsFileURLToPath, pathToFileURL: __briefsPathToFileURL } = require('node:url');",
      'const __briefsBundleUrl = __briefsPathToFileURL(__filename).href;',
    ].join(' '),
  },
  plugins: [keepPlaces('cjs')],
  metafile: true,
  logLevel: 'warning',
});

// The workspace files bundled, and every file the tool's fingerprint reads (the same, and any
// shipped file no import reaches): with all of them unchanged, the fingerprint is the one here.
const { toolFiles, toolFingerprint } = await import(pathToFileURL(join(buildDist, 'fingerprint.js')).href);
const inputs = [...Object.keys(result.metafile.inputs), ...Object.keys(snapshotEntry.metafile.inputs)];
const bundled = inputs.filter((input) => !input.includes('node_modules/') && !input.startsWith('<')).map((input) => join(cli, input));
const files = {};
for (const file of [...new Set([...bundled, ...toolFiles()])].sort()) {
  const stat = statSync(file);
  files[toPosix(relative(outdir, file))] = { size: stat.size, mtimeMs: stat.mtimeMs, sha1: createHash('sha1').update(readFileSync(file)).digest('hex') };
}
writeFileSync(join(outdir, 'inputs.json'), `${JSON.stringify({ tool: await toolFingerprint(), files }, null, 1)}\n`);

const snapshot = spawnSync(process.execPath, [fileURLToPath(new URL('snapshot.mjs', import.meta.url)), outdir], { stdio: 'inherit' });
if (snapshot.status !== 0) process.exitCode = snapshot.status ?? 1;
