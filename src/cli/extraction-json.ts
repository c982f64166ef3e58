/**
 * `extract --format json` written one article at a time, byte for byte as JSON.stringify of the
 * whole extraction would write it: a document of many pieces never has all its articles, nor their
 * JSON, in memory at once. The articles come as their JSON (src/extract/article-json.ts), made by
 * the threads that extract them.
 */
import type { ExtractionOut } from '../extract/types.js';

export type ExtractionHead = Omit<ExtractionOut, 'articles'>;

/** Something to write to that may ask the caller to wait (a stream's back-pressure). */
export type Sink = (chunk: string) => Promise<void>;

/**
 * Writes `{document, encoding, context, articles}` with `pretty` as JSON.stringify's indent of 2, then
 * a line feed; each article's JSON must be articleJson's with the same `pretty`.
 */
export async function writeExtractionJson(sink: Sink, head: ExtractionHead, articles: Iterable<string> | AsyncIterable<string>, pretty: boolean): Promise<void> {
  const json = (value: unknown) => (pretty ? JSON.stringify(value, null, 2).replace(/\n/g, '\n  ') : JSON.stringify(value));
  const [nl, pad, colon] = pretty ? ['\n', '  ', ': '] : ['', '', ':'];
  const field = (key: string, value: unknown) => `${pad}${JSON.stringify(key)}${colon}${json(value)},${nl}`;
  await sink(`{${nl}${field('document', head.document)}${field('encoding', head.encoding)}${field('context', head.context)}${pad}"articles"${colon}[`);
  let first = true;
  for await (const article of articles) {
    await sink(`${first ? '' : ','}${nl}${pad}${pad}${article}`);
    first = false;
  }
  await sink(`${first ? '' : `${nl}${pad}`}]${nl}}\n`);
}

/** A sink over a writable stream that waits while the stream's buffer is full. */
export function streamSink(stream: NodeJS.WritableStream): Sink {
  return (chunk) =>
    stream.write(chunk) ? Promise.resolve() : new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}
