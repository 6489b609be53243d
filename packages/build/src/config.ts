import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { BriefsError } from '@briefs/ast';
import { sourceDateEpoch } from './dates.js';
import { sha256 } from './fingerprint.js';

/** Default name of the config file, looked for in the working folder. */
export const CONFIG_NAME = 'briefs.config.json';

/**
 * `briefs.config.json`: settings of a project, so that CI and people build alike. Every key is
 * optional; command-line options win.
 *
 * ```json
 * { "pack": "examples/pack.yaml", "bom": false, "xlsx": true, "maxBytes": 20000000 }
 * ```
 */
export interface ConfigFile {
  /** Pack file (title, order, theme…), relative to the config file. */
  pack?: string;
  /** Start every CSV with a UTF-8 byte order mark (for Excel). */
  bom?: boolean;
  /** Write `data/briefs.xlsx` as well as the CSVs (default true). */
  xlsx?: boolean;
  /** Refuse sources larger than this many bytes. */
  maxBytes?: number;
}

/** What the user asked for, before defaults (from the CLI or a caller). */
export interface SettingsInput {
  cwd?: string;
  /** Config file; default `briefs.config.json` in `cwd` when there is one; `false`: none. */
  config?: string | false;
  pack?: string;
  bom?: boolean;
  xlsx?: boolean;
  maxBytes?: number;
  env?: NodeJS.ProcessEnv;
}

/** Settings that decide the bytes of outputs, resolved, with their digests. */
export interface Settings {
  cwd: string;
  packFile: string | null;
  bom: boolean;
  xlsx: boolean;
  maxBytes: number | null;
  epoch: number | null;
  /** Digest of what every brief depends on besides its source: pack file (theme), date, limits. */
  documentsKey: string;
  /** Digest of what the tables depend on besides the ASTs. */
  tablesKey: string;
  /** Digest of what the pack depends on besides the ASTs. */
  packKey: string;
}

export async function resolveSettings(input: SettingsInput): Promise<Settings> {
  const cwd = resolve(input.cwd ?? process.cwd());
  const configPath =
    input.config === false ? null : input.config ? resolve(cwd, input.config) : existsSync(resolve(cwd, CONFIG_NAME)) ? resolve(cwd, CONFIG_NAME) : null;
  const config = configPath ? await readConfig(configPath) : {};
  const packFile = input.pack ? resolve(cwd, input.pack) : config.pack && configPath ? resolve(dirname(configPath), config.pack) : null;
  let packBytes = '';
  if (packFile) {
    try {
      packBytes = sha256(await readFile(packFile));
    } catch {
      throw new BriefsError('E_INPUT_NOT_FOUND', 'pack file not found', { file: input.pack ?? config.pack ?? packFile });
    }
  }
  const bom = input.bom ?? config.bom ?? false;
  const xlsx = input.xlsx ?? config.xlsx ?? true;
  const maxBytes = input.maxBytes ?? config.maxBytes ?? null;
  const epoch = sourceDateEpoch(input.env ?? process.env);
  return {
    cwd,
    packFile,
    bom,
    xlsx,
    maxBytes,
    epoch,
    documentsKey: sha256(JSON.stringify({ pack: packBytes, epoch, maxBytes })),
    tablesKey: sha256(JSON.stringify({ bom, xlsx })),
    packKey: sha256(JSON.stringify({ pack: packBytes, epoch })),
  };
}

async function readConfig(path: string): Promise<ConfigFile> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'config file not found' : `config file is not JSON: ${(error as Error).message}`;
    throw new BriefsError('E_CONFIG_INVALID', why, { file: path });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new BriefsError('E_CONFIG_INVALID', 'config must be a JSON object', { file: path });
  const config = data as Record<string, unknown>;
  const known: Record<string, string> = { pack: 'string', bom: 'boolean', xlsx: 'boolean', maxBytes: 'number' };
  for (const [key, value] of Object.entries(config)) {
    if (key === '$schema') continue;
    if (!(key in known)) throw new BriefsError('E_CONFIG_INVALID', `unknown key '${key}' (known: ${Object.keys(known).join(', ')})`, { file: path });
    if (typeof value !== known[key]) throw new BriefsError('E_CONFIG_INVALID', `'${key}' must be a ${known[key]}`, { file: path });
  }
  return config as ConfigFile;
}
