/** Bytes to text: UTF-8 first, then the legacy Chinese encodings, refusing binary and undecodable files. */

import chardet from 'chardet';
import iconv from 'iconv-lite';

/** What decodeBuffer recognises, as the README and `--help` say it. */
export const DETECTED_ENCODINGS = 'UTF-8 (with or without BOM), GBK, GB18030, Big5 and UTF-16 with BOM';

export type DecodeResult = { text: string; encoding: string } | { error: string };

/** Above this share of control characters a file is treated as binary; real text has almost none. */
const MAX_CONTROL_SHARE = 0.1;
/** Above this share of U+FFFD the text is too damaged to extract names from. */
const MAX_REPLACEMENT_SHARE = 0.01;
/** A few replacement characters (a truncated last character, one odd glyph) are tolerated regardless of length. */
const TOLERATED_REPLACEMENTS = 2;

export function decodeBuffer(buf: Buffer): DecodeResult {
  if (buf.length === 0) return { error: 'file is empty' };
  const decoded = decodeBytes(buf);
  if ('error' in decoded) return decoded;
  // A lone BOM or only whitespace is as good as nothing for extraction.
  if (decoded.text.trim() === '') return { error: 'file is empty (only whitespace)' };
  const replaced = replacementShare(decoded.text);
  if (replaced !== null) {
    return {
      error: decoded.encoding === 'UTF-8'
        ? `${replaced} of the text is U+FFFD replacement characters (damaged by an earlier conversion?)`
        : `cannot decode as UTF-8 or GB18030 (${replaced} of the characters are undecodable as ${decoded.encoding})`,
    };
  }
  return decoded;
}

function decodeBytes(buf: Buffer): DecodeResult {
  // UTF-16 must be recognised by its BOM before the binary check: half its bytes are NUL.
  if (buf[0] === 0xff && buf[1] === 0xfe) return decodeUtf16(buf, 'UTF-16LE');
  if (buf[0] === 0xfe && buf[1] === 0xff) return decodeUtf16(buf, 'UTF-16BE');

  const binary = binaryReason(buf.length, (i) => buf[i]);
  if (binary) return { error: `looks binary (${binary})` };

  // Valid UTF-8 is almost never accidental for GBK text, so it wins outright (TextDecoder strips a BOM).
  const utf8 = tryDecode('utf-8', buf);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  // UTF-8 with a few damaged bytes (e.g. cut mid-character) is still UTF-8; GBK read as UTF-8 is mostly damage.
  const lossy = new TextDecoder('utf-8').decode(buf);
  if (mostlyValid(lossy)) return { text: lossy, encoding: 'UTF-8' };

  // chardet calls GBK "GB18030" (a superset, decoded identically); prefer it over Big5 unless Big5 scores higher.
  const matches = chardet.analyse(buf);
  const confidence = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
  if (confidence('Big5') > confidence('GB18030')) return { text: iconv.decode(buf, 'Big5'), encoding: 'Big5' };
  if (confidence('GB18030') > 0) return { text: iconv.decode(buf, 'GB18030'), encoding: 'GB18030' };
  const guess = matches[0] ? ` (looks like ${matches[0].name})` : '';
  return { error: `cannot decode as UTF-8 or GB18030${guess}` };
}

function decodeUtf16(buf: Buffer, encoding: 'UTF-16LE' | 'UTF-16BE'): DecodeResult {
  const text = tryDecode(encoding.toLowerCase(), buf);
  if (text === null) return { error: `cannot decode as ${encoding} despite its byte order mark` };
  const binary = binaryReason(text.length, (i) => text.charCodeAt(i));
  return binary ? { error: `looks binary (${binary})` } : { text, encoding };
}

/** Strict decoding: null instead of silently inserting U+FFFD. */
function tryDecode(label: string, buf: Buffer): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Why a sequence of bytes or UTF-16 code units looks binary, or null if it looks like text. */
function binaryReason(length: number, code: (i: number) => number): string | null {
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const c = code(i);
    if (c === 0) return `NUL byte at offset ${i}`;
    // Tab, LF, VT, FF, CR and ESC occur in text files; other C0 controls and DEL do not.
    if ((c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1b) || c === 0x7f) controls++;
  }
  return controls > length * MAX_CONTROL_SHARE ? `${percent(controls / length)} control characters` : null;
}

/** Lossily decoded UTF-8 whose damage is small, both overall and against the non-ASCII characters it got right. */
function mostlyValid(lossy: string): boolean {
  const replaced = countReplacements(lossy);
  let nonAscii = 0;
  for (let i = 0; i < lossy.length; i++) if (lossy.charCodeAt(i) > 0x7f) nonAscii++;
  return replacementShare(lossy) === null && nonAscii - replaced >= 10 * replaced;
}

/** The share of U+FFFD as a percentage when it is too high, else null. */
function replacementShare(text: string): string | null {
  const count = countReplacements(text);
  const tooMany = count > TOLERATED_REPLACEMENTS && count > text.length * MAX_REPLACEMENT_SHARE;
  return tooMany ? percent(count / text.length) : null;
}

function countReplacements(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function percent(share: number): string {
  return `${Math.max(1, Math.round(share * 100))}%`;
}
