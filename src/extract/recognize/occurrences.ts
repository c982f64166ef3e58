/** Finding a word in a text, every place it stands. */

/** Start positions of `word` in `text`; with `overlapping`, a match may start inside the previous one. */
export function occurrences(text: string, word: string, overlapping = false): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + (overlapping ? 1 : word.length))) out.push(at);
  return out;
}
