/**
 * A file's records counted before they are extracted, on a reading of their own: their ids and lines
 * (a record's key in the graph depends on whether another record of the file has its id:
 * src/graph/identity.ts) and their characters of text (a large document is stored in parts). Bad
 * lines are told here, once. A page dump needs no reading: its characters are the file's (unless
 * `onText` wants its text: the identities file's directives that concern it, src/graph/identities.ts).
 */
import type { SourceStream } from './source-stream.js';
import type { InputFormat, InputProblem } from './types.js';

export interface SourceCensus {
  format: InputFormat;
  /** The page, or each good record's id and line. */
  units: ({ kind: 'page' } | { kind: 'record'; id?: string; line: number })[];
  /** Characters of text of the units. */
  chars: number;
}

export async function takeCensus(source: SourceStream, onProblem: (problem: InputProblem) => void = () => {}, onText?: (text: string) => void): Promise<SourceCensus> {
  if (source.format === 'page') {
    if (onText) for await (const unit of source.units(onProblem)) onText(unit.text);
    return { format: 'page', units: [{ kind: 'page' }], chars: source.chars };
  }
  const census: SourceCensus = { format: source.format, units: [], chars: 0 };
  for await (const unit of source.units(onProblem)) {
    if (unit.kind !== 'record') continue;
    census.units.push(unit.id === undefined ? { kind: 'record', line: unit.line } : { kind: 'record', id: unit.id, line: unit.line });
    census.chars += unit.text.length;
    onText?.(unit.title ? `${unit.title}\n${unit.text}` : unit.text);
  }
  return census;
}
