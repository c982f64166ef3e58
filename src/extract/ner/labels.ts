/**
 * The tag set of the sequence labeller: one tag a character, BIOES for each entity type
 * (B begins, I inside, E ends, S a one-character entity, O outside). Tags are small integers so
 * that scores live in flat typed arrays.
 */
export const ENTITY_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const PARTS = ['B', 'I', 'E', 'S'] as const;
type Part = (typeof PARTS)[number];

export const O = 0;
export const LABEL_COUNT = 1 + PARTS.length * ENTITY_TYPES.length;

export interface EntitySpan {
  start: number;
  /** Exclusive. */
  end: number;
  type: EntityType;
}

/**
 * An entity span. Every span is made here, so that all have one shape (the same fields in the same
 * order): code that reads spans of several shapes is optimized, thrown away and compiled again.
 */
export function entitySpan(start: number, end: number, type: EntityType): EntitySpan {
  return { start, end, type };
}

const label = (type: number, part: number) => 1 + type * PARTS.length + part;
const partOf = (tag: number): Part | 'O' => (tag === O ? 'O' : PARTS[(tag - 1) % PARTS.length]);
const typeOf = (tag: number): number => Math.floor((tag - 1) / PARTS.length);

export function labelName(tag: number): string {
  return tag === O ? 'O' : `${partOf(tag)}-${ENTITY_TYPES[typeOf(tag)]}`;
}

/** Tags for a text of `length` characters with the given (non-overlapping) entities. */
export function encodeSpans(spans: EntitySpan[], length: number): Uint8Array {
  const tags = new Uint8Array(length);
  for (const s of spans) {
    const t = ENTITY_TYPES.indexOf(s.type);
    if (s.end - s.start === 1) {
      tags[s.start] = label(t, 3);
      continue;
    }
    tags[s.start] = label(t, 0);
    for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = label(t, 1);
    tags[s.end - 1] = label(t, 2);
  }
  return tags;
}

/** The entities a tag sequence spells out (a well-formed one, as Viterbi decoding guarantees). */
export function decodeSpans(tags: ArrayLike<number>, offset = 0): EntitySpan[] {
  const out: EntitySpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const part = partOf(tags[i]);
    if (part === 'S') out.push(entitySpan(offset + i, offset + i + 1, ENTITY_TYPES[typeOf(tags[i])]));
    else if (part === 'B') open = i;
    else if (part === 'E' && open >= 0) {
      out.push(entitySpan(offset + open, offset + i + 1, ENTITY_TYPES[typeOf(tags[i])]));
      open = -1;
    } else if (part === 'O') open = -1;
  }
  return out;
}

/**
 * Whether tag `b` may follow tag `a` (BIOES grammar): inside an entity only I or E of its type; after
 * O, E or S anything that opens or stays outside. Decoding never leaves the grammar.
 */
export function allowed(a: number, b: number): boolean {
  const pa = partOf(a);
  const pb = partOf(b);
  if (pa === 'B' || pa === 'I') return (pb === 'I' || pb === 'E') && typeOf(a) === typeOf(b);
  return pb === 'O' || pb === 'B' || pb === 'S';
}

/** Tags that may open (and close) a sequence. */
export const canStart = (t: number) => ['O', 'B', 'S'].includes(partOf(t));
export const canEnd = (t: number) => ['O', 'E', 'S'].includes(partOf(t));
