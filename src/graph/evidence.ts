/**
 * Sentences as provenance: each fact keeps the sentence it was read from, so a reader of the graph
 * can check it against the article.
 */

/** Splits an article's text into sentences (。！？；, line ends), keeping closing quotes with their sentence. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
    if (m.index >= text.length) break;
  }
  return out;
}

/** The first sentence holding every one of `needles`; failing that, the first holding the first needle; else ''. */
export function sentenceWith(list: readonly string[], ...needles: string[]): string {
  return (
    list.find((s) => needles.every((n) => s.includes(n))) ??
    (needles.length ? list.find((s) => s.includes(needles[0])) : undefined) ??
    ''
  );
}

/** The sentence around offset `at` of `text`, as sentences() cuts it; '' when there is none. */
export function sentenceAt(text: string, at: number): string {
  // A sentence starts after its predecessor's end mark and any closing quotes (。” …).
  const starts = /[。！？；!?;\n][”’」』）)]*/g;
  let from = 0;
  for (const m of text.matchAll(starts)) {
    if (m.index >= at) break;
    from = m.index + m[0].length;
  }
  return sentences(text.slice(from))[0] ?? '';
}
