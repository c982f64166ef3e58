/**
 * Stored documents and the files they came from: which file a stored document was (for `guanxi
 * remove PATH`), which ones are gone (for `--prune`), and which gone one a new file is, moved.
 */
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { StoredDocument } from './store.js';

/** Its file is gone: deleted or moved, or never recorded (stored before guanxi kept paths). */
export function isGone(d: StoredDocument): boolean {
  return d.path === null || !existsSync(d.path);
}

/** The documents a path names: read from that file, or from files under that folder, or with that id. */
export function documentsAt(stored: readonly StoredDocument[], path: string): StoredDocument[] {
  const full = resolve(path);
  return stored.filter((d) => d.id === path || d.id === full || d.path === full || (d.path ?? d.id).startsWith(full.endsWith(sep) ? full : full + sep));
}

/** The stored documents by content, to tell a file that was moved (its old file gone) from a copy. */
export class DocumentsByContent {
  private readonly byHash = new Map<string, StoredDocument[]>();

  constructor(stored: readonly StoredDocument[]) {
    for (const d of stored) this.add(d);
  }

  /** The stored document with this content whose file is gone: the file `id` is that document, moved. Claimed once. */
  claimMoved(hash: string, id: string): StoredDocument | undefined {
    const same = this.byHash.get(hash) ?? [];
    const moved = same.find((d) => d.id !== id && isGone(d));
    if (moved) this.byHash.set(hash, same.filter((d) => d !== moved));
    return moved;
  }

  /** A document stored since, so that a copy of it in the same run is told too. */
  add(d: StoredDocument): void {
    this.byHash.set(d.hash, [...(this.byHash.get(d.hash) ?? []), d]);
  }

  /** Another stored document with this content whose file is still there: `id` is a copy of it. */
  copyOf(hash: string, id: string): StoredDocument | undefined {
    return this.byHash.get(hash)?.find((d) => d.id !== id);
  }
}
