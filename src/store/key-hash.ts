/**
 * A relationship key as a 64-bit integer, the embedded store's edge key: the keys themselves (two
 * node keys, an article id, a title) would make the largest index of a decade several times larger.
 * sha1's first 8 bytes: among the ~2 million edges of a decade, a collision has odds of about 1e-7.
 */
import { createHash } from 'node:crypto';

export function keyHash(key: string): bigint {
  return createHash('sha1').update(key).digest().readBigInt64BE(0);
}
