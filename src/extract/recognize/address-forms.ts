/**
 * Forms of address: a surname and a post that stand for a person the article names in full
 * (江主席 for 江泽民, 王书记 for 王自合). The surname must belong to exactly one person the article
 * names, and stand outside every other mention; the post comes from the posts and address words of
 * data/lang (posts.txt, name-context.txt). The form becomes a mention of that person, as written.
 */
import { lexicon } from '../lexicon/index.js';
import { WordIndex } from '../lexicon/word-index.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { surnameLength } from './name-model.js';
import { personMention, type PersonMention, type Span } from './persons.js';

// The posts and address words a surname may stand before (built once: the lexicon never changes).
let addressWords: WordIndex | null = null;

const inside = (i: number, spans: readonly Span[]) => spans.some((s) => s.start <= i && i < s.end);

/** The address forms in `text` of the persons the article names; `taken`: every other mention. */
export function addressForms(text: string, persons: readonly PersonMention[], taken: readonly Span[]): PersonMention[] {
  const { posts, addressPosts } = lexicon();
  // Each surname's persons, by the surname as the name model reads it (欧阳 is one).
  const bySurname = new Map<string, Set<string>>();
  for (const p of persons) {
    const n = surnameLength(p.name, 0) || 1;
    if (p.name.length <= n) continue;
    const surname = p.name.slice(0, n);
    bySurname.set(surname, (bySurname.get(surname) ?? new Set()).add(p.name));
  }
  addressWords ??= WordIndex.of([...addressPosts, ...posts].filter((w) => w !== '同志'));
  const words = addressWords;
  const out: PersonMention[] = [];
  const common = markLexicon().words;
  const blocked = [...persons, ...taken];
  for (const [surname, names] of bySurname) {
    if (names.size !== 1) continue;
    const [name] = names;
    for (let at = text.indexOf(surname); at >= 0; at = text.indexOf(surname, at + 1)) {
      const end = at + surname.length;
      // The post first: it is one look-up, and few surnames are followed by one.
      const post = words.longestAt(text, end) > 0 || (text[end] === '副' && words.longestAt(text, end + 1) > 0);
      if (!post) continue;
      if (inside(at, blocked) || inside(end, blocked)) continue;
      // The surname ends a common word: 关于|市长, 提高|县长 name nobody.
      if (at > 0 && common.get(text.slice(at - 1, end))) continue;
      out.push(personMention(at, end, name, 'address'));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
