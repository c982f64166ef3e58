/**
 * normalize: from a page dump's lines to paragraphs of clean text.
 *
 * A PDF-to-text dump breaks every column line, spaces out characters of justified lines and
 * headlines (哈 密 市 考 察 团), and leaves blank lines both between paragraphs and at column
 * breaks inside a sentence. This stage joins lines, removes the stray spaces, maps full-width
 * digits and letters to ASCII, and keeps only the real paragraph breaks.
 */
import { displayWidth, isHan, SENTENCE_END } from './chars.js';
import { lexicon } from './lexicon/index.js';
import { nameScore, surnameLength } from './recognize/name-model.js';

export interface Paragraph {
  /** Normalized text: lines joined, stray spaces removed. */
  text: string;
  /** 0-based index of the first source line. */
  line: number;
  /** Number of source lines. */
  lines: number;
  /** The cleaned source lines, and their display widths. */
  lineTexts: string[];
  lineWidths: number[];
  /** Most characters were printed spaced out (a headline set in large type, or a justified line). */
  spaced: boolean;
  /** A deliberate single space separated two phrases (“社区+”共同体 奏响…): a headline's habit. */
  phraseGap: boolean;
}

/** Full-width ASCII forms (digits, letters, ％, ＋ …) to ASCII; ideographic space to space. */
export function foldWidth(text: string): string {
  if (!/[\uff01-\uff5e\u3000\u00a0]/.test(text)) return text;
  // One replace, not a string built a character at a time: on a line of megabytes that would be a
  // rope of millions of pieces, hundreds of megabytes before it is flattened.
  const out = text.replace(FOLDED, (ch) => {
    const c = ch.charCodeAt(0);
    if (c === 0x3000 || c === 0xa0) return ' ';
    if (ch === '％') return '%';
    if (ch === '＋') return '+';
    if (ch === '－') return '-';
    return String.fromCharCode(c - 0xfee0);
  });
  // A full-width full stop between digits is a decimal point (６．７万 → 6.7万).
  return out.includes('．') ? out.replace(/(\d)\s*．\s*(?=\d)/g, '$1.') : out;
}

/** The characters foldWidth maps: full-width digits and letters, ％ ＋ －, and the wide and no-break spaces. */
const FOLDED = /[\u3000\u00a0\uff05\uff0b\uff0d\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

const LATIN = /[A-Za-z]/;
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };
// Han characters and the Chinese punctuation and quotes around them.
const CJK_CONTEXT = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e“”‘’]/;

const HAN_OR_QUOTE = /[\u4e00-\u9fff“”）]/;

/** Whether a point parts two runs of the letters of foreign names, two or more on each side (卡洛斯.费雷拉). */
function foreignNameDot(line: string, at: number): boolean {
  const { foreign } = lexicon().names;
  const letter = (c: string | undefined) => c !== undefined && foreign[c] !== undefined;
  return letter(line[at - 1]) && letter(line[at - 2]) && letter(line[at + 1]) && letter(line[at + 2]);
}

/**
 * ASCII punctuation between Chinese clauses to its full-width form (crawled text writes `，` as `,`),
 * where a Han character or Chinese punctuation stands on either side across spaces; kept in numbers
 * and Latin text (1,000; Fig. 2: a).
 */
export function cjkPunctuation(line: string): string {
  if (!/[,;:!?().]/.test(line)) return line;
  return line.replace(/[,;:!?().]/g, (mark, at: number) => {
    // A full stop only between Han words (讲话.区委书记): a point in 3.5 or Fig. 2 stays; between the
    // parts of a foreign name it is the name's dot (卡洛斯.费雷拉).
    if (mark === '.' && foreignNameDot(line, at)) return '·';
    if (mark === '.') return HAN_OR_QUOTE.test(line[at - 1] ?? '') && (at + 1 === line.length || HAN_OR_QUOTE.test(line[at + 1])) ? '。' : mark;
    let before = at - 1;
    while (before >= 0 && line[before] === ' ') before--;
    let after = at + 1;
    while (after < line.length && line[after] === ' ') after++;
    const chinese = CJK_CONTEXT.test(line[before] ?? '') || CJK_CONTEXT.test(line[after] ?? '');
    return chinese ? FULL_WIDTH[mark] : mark;
  });
}

/**
 * Removes the spaces a dump puts between characters: every run of blanks except one between two
 * Latin letters (a real word gap) and, with `keepHanGaps` on a line not spaced out, one that parts two
 * names (crawled text separates names so: （孙南 陈莹莹）). Returns the cleaned line and how
 * it was spaced.
 */
// The least name score of each of two names a kept space parts.
const PARTED_NAME_SCORE = 0.05;

/**
 * Whether a space between Han characters parts two names (孙南 陈莹莹): the runs of Han characters on
 * either side are names of two or three characters. A space after a post or a role word (市长 李明,
 * 记者 张三) parts no names and goes, as every other.
 */
function partsNames(line: string, gapStart: number, gapEnd: number): boolean {
  let a = gapStart;
  while (a > 0 && isHan(line[a - 1])) a--;
  let b = gapEnd;
  while (b < line.length && isHan(line[b])) b++;
  const left = line.slice(a, gapStart);
  const right = line.slice(gapEnd, b).replace(/[摄绘]$/, '');
  const name = (s: string) => s.length >= 2 && s.length <= 3 && surnameLength(s, 0) > 0 && nameScore(s) >= PARTED_NAME_SCORE;
  // …or a writer from his body in a closing bracket (（西王镇 周雷）).
  const affiliation = /[镇乡村区县市局委办所站院校社部厅]$|街道$|社区$|中心$/.test(left) && left.length <= 8 && /^[）)]/.test(line.slice(b));
  return name(right) && (name(left) || affiliation);
}

export function squeezeLine(raw: string, keepHanGaps = false): { text: string; spaced: boolean; phraseGap: boolean } {
  const line = cjkPunctuation(foldWidth(raw).trim());
  if (!/[ \t]/.test(line)) return { text: line, spaced: false, phraseGap: false };
  const runs = [...line.matchAll(/[ \t]+/g)];
  const nonSpace = line.length - runs.reduce((n, m) => n + m[0].length, 0);
  const gaps = runs.length;
  const spaced = nonSpace >= 4 && gaps >= (nonSpace - 1) * 0.6;
  let text = '';
  let hanGaps = 0;
  let at = 0;
  for (const m of runs) {
    text += line.slice(at, m.index);
    at = m.index! + m[0].length;
    const before = line[m.index! - 1];
    const after = line[at];
    const hanGap = isHan(before) && isHan(after);
    if (hanGap) hanGaps++;
    if ((before && after && LATIN.test(before) && LATIN.test(after)) || (keepHanGaps && hanGap && !spaced && partsNames(line, m.index!, at))) text += ' ';
  }
  text += line.slice(at);
  return { text, spaced, phraseGap: !spaced && hanGaps > 0 && gaps <= 3 && nonSpace >= 8 };
}

interface Block {
  lines: { text: string; spaced: boolean; phraseGap: boolean; width: number }[];
  line: number;
}

function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n');
  rawLines.forEach((raw, index) => {
    const squeezed = squeezeLine(raw);
    if (squeezed.text === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { lines: [], line: index };
      blocks.push(current);
    }
    current.lines.push({ ...squeezed, width: displayWidth(squeezed.text) });
  });
  return blocks;
}

/** The page's column width: the most common width of lines inside multi-line blocks. */
function columnWidth(blocks: Block[]): number {
  const counts = new Map<number, number>();
  for (const b of blocks) {
    if (b.lines.length < 2) continue;
    for (const l of b.lines.slice(0, -1)) counts.set(Math.round(l.width), (counts.get(Math.round(l.width)) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = 0;
  for (const [w, n] of counts) if (n > bestCount || (n === bestCount && w > best)) [best, bestCount] = [w, n];
  return best || 20;
}

const CLOSED_QUOTE = /[”’」』]$/;

/** A block that a paragraph ends with: the last character closes a sentence. */
function endsSentence(text: string): boolean {
  const last = text[text.length - 1];
  if (SENTENCE_END.includes(last)) return true;
  if (CLOSED_QUOTE.test(text)) return SENTENCE_END.includes(text[text.length - 2]);
  return last === '）' && /（[^（）]*摄）$/.test(text);
}

/** Text that starts a new unit and never continues a sentence: datelines, bylines, bullets. */
const STARTS_UNIT = /^(本\s*报|新华社|中新社|据|记者|通讯员|实习生|特约|[●▲■◆★◇□○△▼►·]|——|（[^）]{0,20}摄）)/;

function toParagraph(b: Block): Paragraph {
  const text = b.lines.map((l) => l.text).join('');
  const spacedLines = b.lines.filter((l) => l.spaced).length;
  return {
    text,
    line: b.line,
    lines: b.lines.length,
    lineTexts: b.lines.map((l) => l.text),
    lineWidths: b.lines.map((l) => l.width),
    spaced: spacedLines * 2 > b.lines.length,
    phraseGap: b.lines.length <= 2 && b.lines.some((l) => l.phraseGap),
  };
}

/**
 * A blank line after `prev` is a column break, not a paragraph break, when `prev` stops mid-sentence
 * on a full-width line and does not look like a headline, and `next` starts no unit of its own.
 */
function isColumnBreak(prev: Paragraph, next: Block, column: number): boolean {
  if (endsSentence(prev.text)) return false;
  const nextText = next.lines[0].text;
  if (STARTS_UNIT.test(nextText)) return false;
  if (prev.phraseGap) return false;
  const last = prev.text[prev.text.length - 1];
  const midClause = '，、：（“'.includes(last);
  if (prev.lines === 1 && prev.spaced && !midClause) return false;
  // In a body every line runs the full column; a headline's lines are short or ragged.
  const full = (w: number) => w >= column * 0.8 && w <= column * 1.15;
  return midClause || prev.lineWidths.every(full);
}

/** Splits a page dump into paragraphs. */
export function normalizePage(text: string): Paragraph[] {
  const blocks = splitBlocks(text);
  const column = columnWidth(blocks);
  const paragraphs: Paragraph[] = [];
  for (const block of blocks) {
    const prev = paragraphs[paragraphs.length - 1];
    if (prev && isColumnBreak(prev, block, column)) {
      const tail = toParagraph(block);
      paragraphs[paragraphs.length - 1] = {
        text: prev.text + tail.text,
        line: prev.line,
        lines: prev.lines + tail.lines,
        lineTexts: [...prev.lineTexts, ...tail.lineTexts],
        lineWidths: [...prev.lineWidths, ...tail.lineWidths],
        spaced: prev.spaced && tail.spaced,
        phraseGap: false,
      };
    } else {
      paragraphs.push(toParagraph(block));
    }
  }
  return paragraphs;
}

/**
 * Normalizes a crawled article's text. With blank lines it is laid out like a page dump (hard line
 * breaks inside paragraphs); without, every line is a paragraph.
 */
export function normalizeArticleText(text: string): Paragraph[] {
  if (/\n[ \t\u3000]*\n/.test(text)) return normalizePage(text);
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index, squeezed: squeezeLine(line, true) }))
    .filter(({ squeezed }) => squeezed.text !== '')
    .map(({ line, squeezed }) => ({
      text: squeezed.text,
      line,
      lines: 1,
      lineTexts: [squeezed.text],
      lineWidths: [displayWidth(squeezed.text)],
      spaced: squeezed.spaced,
      phraseGap: squeezed.phraseGap,
    }));
}
