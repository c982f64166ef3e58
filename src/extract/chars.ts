/** Character classes shared by the stages. */

export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** Middle dots used inside minority and foreign names (吾尔叶提·吾守尔). */
export const NAME_DOTS = '·•・‧.';

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/** Ends of a sentence (a quote closing after one still ends it). */
export const SENTENCE_END = '。！？；!?';

/** Punctuation after which a new clause starts. */
export const CLAUSE_END = '。！？；，：,;:!?\n';

/** Chinese numerals used in ordinals and dates. */
export const CN_DIGITS = '〇零一二两三四五六七八九十';

/** Display width of a string as a page lays it out: Han and full-width forms count 1, ASCII 1/2. */
export function displayWidth(s: string): number {
  // By code, not `for (const ch of s)`: that makes a string of every character.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    w += c < 0x2000 ? 0.5 : 1;
    // A surrogate pair is one character (of width 1).
    if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(s.charCodeAt(i + 1))) i++;
  }
  return w;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A test of one UTF-16 code against a set of characters: a scan that tests a character at a time
 * need not make a string of each (text[i] of a Han character is a new string to collect).
 */
export function codeSet(chars: string): (code: number) => boolean {
  // One bit per UTF-16 unit (8 KB): a read and a shift, where a Set would hash.
  const bits = new Uint32Array(65536 / 32);
  for (let i = 0; i < chars.length; i++) bits[chars.charCodeAt(i) >>> 5] |= 1 << (chars.charCodeAt(i) & 31);
  return (code) => ((bits[code >>> 5] >>> (code & 31)) & 1) === 1;
}

/**
 * codeSet of the UTF-16 units a one-character regex matches (a unit alone: a surrogate half matches
 * what `re.test(text[i])` matches), asked once per unit when made.
 */
export function codeClass(re: RegExp): (code: number) => boolean {
  let chars = '';
  for (let code = 0; code < 65536; code++) if (re.test(String.fromCharCode(code))) chars += String.fromCharCode(code);
  return codeSet(chars);
}

/** The first index at or after `from` whose character passes `test`, or text.length when none does. */
export function indexWhere(text: string, test: (code: number) => boolean, from: number): number {
  let i = Math.max(0, from);
  while (i < text.length && !test(text.charCodeAt(i))) i++;
  return i;
}

/** The last index from `from` down to `floor` whose character passes `test`, or floor - 1 when none does. */
export function lastIndexWhere(text: string, test: (code: number) => boolean, from: number, floor = 0): number {
  let i = Math.min(from, text.length - 1);
  while (i >= floor && !test(text.charCodeAt(i))) i--;
  return Math.max(i, floor - 1);
}
