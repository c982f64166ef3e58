/**
 * Bytes to text: UTF-8 first, then the legacy Chinese encodings, refusing binary and undecodable files.
 * The decision is made chunk by chunk (EncodingSurvey), so that a file of any size is judged without
 * holding it; decodeBuffer makes it the same way for bytes already in memory.
 */

import chardet from 'chardet';
import iconv from 'iconv-lite';

/** What decodeBuffer recognises, as the README and `--help` say it. */
export const DETECTED_ENCODINGS = 'UTF-8 (with or without BOM), GBK, GB18030, Big5 and UTF-16 with BOM';

export type DecodeResult = { text: string; encoding: string } | { error: string };

/**
 * A survey's verdict: an error, or the encoding and what the decoded text held; `text` is null when
 * the survey could not decode it on the way (a legacy encoding, known only at the end), and a pass
 * of the text through a TextTally has still to check it.
 */
export type SurveyVerdict = { error: string } | { encoding: string; text: TextTally | null };

/** Above this share of control characters a file is treated as binary; real text has almost none. */
const MAX_CONTROL_SHARE = 0.1;
/** Above this share of U+FFFD the text is too damaged to extract names from. */
const MAX_REPLACEMENT_SHARE = 0.01;
/** A few replacement characters (a truncated last character, one odd glyph) are tolerated regardless of length. */
const TOLERATED_REPLACEMENTS = 2;
/** chardet reads this much of the file's head to tell GB18030 from Big5 (it takes about a second a megabyte). */
export const CHARDET_HEAD = 1 << 20;

export function decodeBuffer(buf: Buffer): DecodeResult {
  const survey = new EncodingSurvey();
  survey.add(buf);
  const verdict = survey.finish();
  if ('error' in verdict) return verdict;
  const decoder = textDecoder(verdict.encoding);
  const text = decoder.write(buf) + decoder.end();
  if (!verdict.text) {
    const tally = new TextTally();
    tally.add(text);
    const error = tally.problem(verdict.encoding);
    if (error) return { error };
  }
  return { text, encoding: verdict.encoding };
}

/** A decoder for a surveyed encoding that takes the bytes in chunks of any size (a byte order mark is dropped). */
export function textDecoder(encoding: string): { write(chunk: Buffer): string; end(): string } {
  if (encoding === 'UTF-8' || encoding === 'UTF-16LE' || encoding === 'UTF-16BE') {
    const decoder = new TextDecoder(encoding.toLowerCase());
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  return wholeCharacters(iconv.getDecoder(encoding));
}

/** Bytes kept back at most while waiting for a byte after which a legacy decoder may be given a chunk. */
const MAX_HELD_BYTES = 1 << 22;

/**
 * iconv-lite's decoders of GB18030 and Big5 size their output by the chunk they are given, and lose a
 * character when the bytes they kept from the chunk before complete a four-byte one at the start of a
 * short chunk. So they are given the bytes up to the last one below 0x30 (a line break, a space, most
 * ASCII punctuation), which no multi-byte character holds: no character is then split between two
 * chunks. Text without such a byte in MAX_HELD_BYTES is passed on as it is (a chunk that long has
 * room for what the decoder kept).
 */
function wholeCharacters(decoder: { write(chunk: Buffer): string; end(): string | undefined }): { write(chunk: Buffer): string; end(): string } {
  let held = Buffer.alloc(0);
  return {
    write(chunk) {
      const bytes = held.length ? Buffer.concat([held, chunk]) : chunk;
      let cut = bytes.length;
      if (bytes.length < MAX_HELD_BYTES) while (cut > 0 && bytes[cut - 1] >= 0x30) cut--;
      held = Buffer.from(bytes.subarray(cut));
      return cut ? decoder.write(bytes.subarray(0, cut)) : '';
    },
    end: () => (held.length ? decoder.write(held) : '') + (decoder.end() ?? ''),
  };
}

/**
 * The bytes of a file, chunk by chunk, judged as decodeBuffer judges them: a byte order mark for
 * UTF-16, else binary data, else strict UTF-8, else UTF-8 damaged a little, else what chardet makes
 * of the file's head. Holds no more than the head, whatever the file's length.
 */
export class EncodingSurvey {
  private bytes = 0;
  /** The first CHARDET_HEAD bytes (the first two decide UTF-16). */
  private readonly head: Buffer[] = [];
  private headLength = 0;
  /** Undecided until two bytes are in (or the file ends); the bytes until then. */
  private mode: 'utf16' | 'bytes' | undefined;
  private early: Buffer[] = [];
  private utf16Encoding: 'UTF-16LE' | 'UTF-16BE' = 'UTF-16LE';
  private strict: TextDecoder | null = null;
  private lossy: TextDecoder | null = null;
  private readonly binary = new BinaryTally();
  private readonly tally = new TextTally();

  add(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.bytes += chunk.length;
    if (this.headLength < CHARDET_HEAD) {
      // A copy: the caller may reuse its buffer.
      this.head.push(Buffer.from(chunk.subarray(0, CHARDET_HEAD - this.headLength)));
      this.headLength += this.head.at(-1)!.length;
    }
    if (this.mode !== undefined) this.take(chunk);
    else {
      this.early.push(chunk);
      if (this.bytes >= 2) this.begin();
    }
  }

  finish(): SurveyVerdict {
    if (this.bytes === 0) return { error: 'file is empty' };
    if (this.mode === undefined) this.begin();
    this.decodeStrict();
    this.tally.add(this.lossy?.decode() ?? '');
    if (this.mode === 'utf16') {
      if (!this.strict) return { error: `cannot decode as ${this.utf16Encoding} despite its byte order mark` };
      const binary = this.tally.binaryReason();
      if (binary) return { error: `looks binary (${binary})` };
      return this.checked(this.utf16Encoding);
    }
    const binary = this.binary.reason();
    if (binary) return { error: `looks binary (${binary})` };
    // Valid UTF-8 is almost never accidental for GBK text, so it wins outright.
    if (this.strict) return this.checked('UTF-8');
    // UTF-8 with a few damaged bytes (e.g. cut mid-character) is still UTF-8; GBK read as UTF-8 is mostly damage.
    if (this.tally.mostlyValid()) return this.checked('UTF-8');
    // chardet calls GBK "GB18030" (a superset, decoded identically); prefer it over Big5 unless Big5 scores higher.
    const matches = chardet.analyse(Buffer.concat(this.head));
    const confidence = (name: string) => matches.find((m) => m.name === name)?.confidence ?? 0;
    if (confidence('Big5') > confidence('GB18030')) return { encoding: 'Big5', text: null };
    if (confidence('GB18030') > 0) return { encoding: 'GB18030', text: null };
    const guess = matches[0] ? ` (looks like ${matches[0].name})` : '';
    return { error: `cannot decode as UTF-8 or GB18030${guess}` };
  }

  /** The first bytes decide: UTF-16 by its byte order mark, else bytes that may be UTF-8. */
  private begin(): void {
    const first = Buffer.concat(this.early);
    this.early = [];
    if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) {
      this.mode = 'utf16';
      this.utf16Encoding = first[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
      this.strict = new TextDecoder(this.utf16Encoding.toLowerCase(), { fatal: true });
    } else {
      this.mode = 'bytes';
      this.strict = new TextDecoder('utf-8', { fatal: true });
      this.lossy = new TextDecoder('utf-8');
    }
    this.take(first);
  }

  private take(chunk: Buffer): void {
    if (this.mode === 'utf16') {
      this.decodeStrict(chunk);
      return;
    }
    this.binary.add(chunk);
    this.decodeStrict(chunk);
    this.tally.add(this.lossy!.decode(chunk, { stream: true }));
  }

  /** Strict decoding of the next chunk (or the end); the decoder is dropped once the bytes are not valid. UTF-16 text is tallied. */
  private decodeStrict(chunk?: Buffer): void {
    if (!this.strict) return;
    try {
      const text = chunk ? this.strict.decode(chunk, { stream: true }) : this.strict.decode();
      if (this.mode === 'utf16') this.tally.add(text, true);
    } catch {
      this.strict = null;
    }
  }

  private checked(encoding: string): SurveyVerdict {
    const error = this.tally.problem(encoding);
    return error ? { error } : { encoding, text: this.tally };
  }
}

/** Counts over bytes: the first NUL and the control characters, which make a file binary. */
class BinaryTally {
  private length = 0;
  private controls = 0;
  private firstNul = -1;

  add(chunk: Buffer): void {
    if (this.firstNul < 0) {
      const nul = chunk.indexOf(0);
      if (nul >= 0) this.firstNul = this.length + nul;
    }
    for (let i = 0; i < chunk.length; i++) if (isControl(chunk[i])) this.controls++;
    this.length += chunk.length;
  }

  reason(): string | null {
    return binaryReason(this.length, this.controls, this.firstNul);
  }
}

/** Counts over decoded text: its length, U+FFFD, non-ASCII characters, whether any is not white space, and (for UTF-16) its controls. */
export class TextTally {
  private length = 0;
  private replacements = 0;
  private nonAscii = 0;
  /** The first character that is not white space. */
  private printed: string | undefined;
  private controls = 0;
  private firstNul = -1;

  add(text: string, codeUnits = false): void {
    for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) this.replacements++;
    // trim() and \S agree on what white space is (U+FEFF included).
    this.printed ??= /\S/.exec(text)?.[0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) this.nonAscii++;
      else if (codeUnits && isControl(c)) {
        if (c === 0 && this.firstNul < 0) this.firstNul = this.length + i;
        this.controls++;
      }
    }
    this.length += text.length;
  }

  /** The characters tallied. */
  get chars(): number {
    return this.length;
  }

  /** The first character that is not white space (which tells JSON Lines from a page). */
  get firstPrinted(): string | undefined {
    return this.printed;
  }

  /** Why UTF-16 code units look binary, or null. */
  binaryReason(): string | null {
    return binaryReason(this.length, this.controls, this.firstNul);
  }

  /** Lossily decoded UTF-8 whose damage is small, both overall and against the non-ASCII characters it got right. */
  mostlyValid(): boolean {
    return this.replacementShare() === null && this.nonAscii - this.replacements >= 10 * this.replacements;
  }

  /** What is wrong with the text decoded as `encoding`: nothing but white space, or too much of it U+FFFD. */
  problem(encoding: string): string | null {
    // A lone BOM or only whitespace is as good as nothing for extraction.
    if (this.printed === undefined) return 'file is empty (only whitespace)';
    const replaced = this.replacementShare();
    if (replaced === null) return null;
    return encoding === 'UTF-8'
      ? `${replaced} of the text is U+FFFD replacement characters (damaged by an earlier conversion?)`
      : `cannot decode as UTF-8 or GB18030 (${replaced} of the characters are undecodable as ${encoding})`;
  }

  /** The share of U+FFFD as a percentage when it is too high, else null. */
  private replacementShare(): string | null {
    const tooMany = this.replacements > TOLERATED_REPLACEMENTS && this.replacements > this.length * MAX_REPLACEMENT_SHARE;
    return tooMany ? percent(this.replacements / this.length) : null;
  }
}

/** Tab, LF, VT, FF, CR and ESC occur in text files; other C0 controls (NUL included) and DEL do not. */
function isControl(c: number): boolean {
  return (c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1b) || c === 0x7f;
}

/** Why a sequence of bytes or UTF-16 code units looks binary, or null if it looks like text. */
function binaryReason(length: number, controls: number, firstNul: number): string | null {
  if (firstNul >= 0) return `NUL byte at offset ${firstNul}`;
  return controls > length * MAX_CONTROL_SHARE ? `${percent(controls / length)} control characters` : null;
}

function percent(share: number): string {
  return `${Math.max(1, Math.round(share * 100))}%`;
}
