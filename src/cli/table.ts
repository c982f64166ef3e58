/** Plain terminal tables: columns padded by display width (a Han character takes two cells). */

function cells(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.charCodeAt(0) >= 0x1100 ? 2 : 1;
  return n;
}

export function table(header: string[], rows: (string | number)[][], alignRight: boolean[] = []): string {
  const text = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...text.map((r) => cells(r[c] ?? ''))));
  const line = (r: string[]) =>
    r
      .map((v, c) => {
        const pad = ' '.repeat(widths[c] - cells(v));
        return alignRight[c] ? pad + v : v + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(text[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...text.slice(1).map(line)].join('\n');
}

/** Node and relationship counts as one line: `Article 10, Event 8, …` ('' for an empty graph). */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}
