/** Cypher statements, read from cypher/*.cypher (the only place Cypher is written). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export const CYPHER_DIR = join(PACKAGE_ROOT, 'cypher');
const cache = new Map<string, string>();

/** The statement in cypher/<name>.cypher, without its comment lines. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('//'))
      .join('\n')
      .trim();
    cache.set(name, text);
  }
  return text;
}

/** The `;`-separated statements of a script such as schema.cypher. */
export function cypherScript(name: string): string[] {
  return cypher(name)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
