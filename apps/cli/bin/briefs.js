#!/usr/bin/env node
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * The bundle (`dist/bundle/`, made by scripts/bundle.mjs) starts several times faster than the
 * compiled modules it was made from, and is used when every workspace file it bundled (and every
 * file of the tool's fingerprint) is as it was: same size and time, or else same digest. A
 * package rebuilt since (alone, without the CLI) makes it stale, and the compiled modules are run
 * instead.
 */
function freshBundle() {
  const bundle = new URL('../dist/bundle/', import.meta.url);
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('inputs.json', bundle), 'utf8'));
  } catch {
    return null;
  }
  for (const [file, was] of Object.entries(inputs.files ?? {})) {
    const url = new URL(file, bundle);
    try {
      const now = statSync(url);
      if (now.size !== was.size) return null;
      if (now.mtimeMs !== was.mtimeMs && createHash('sha1').update(readFileSync(url)).digest('hex') !== was.sha1) return null;
    } catch {
      return null;
    }
  }
  // The tool's fingerprint is a digest of those same files: the build need not read them again.
  globalThis[Symbol.for('briefs.toolFingerprint')] = inputs.tool;
  return new URL('main.js', bundle).href;
}

const { main } = await import(process.env.BRIEFS_NO_BUNDLE ? '../dist/main.js' : (freshBundle() ?? '../dist/main.js'));
process.exitCode = await main(process.argv.slice(2));
