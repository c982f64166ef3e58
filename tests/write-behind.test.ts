/** WriteBehind: batches written in the background, in order where they share documents. */
import { expect } from 'chai';
import type { DocumentFacts } from '../src/graph/model.js';
import type { GraphStore } from '../src/store/store.js';
import { WriteBehind } from '../src/store/write-behind.js';

/** A store whose writes take `ms` and which records when each batch started and ended. */
class SlowStore implements Pick<GraphStore, 'write'> {
  readonly log: string[] = [];
  running = 0;
  maxRunning = 0;
  constructor(private readonly ms: number, private readonly failOn?: string) {}
  async write(batch: readonly DocumentFacts[]): Promise<void> {
    const name = batch.map((f) => f.document).join('+');
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    this.log.push(`start ${name}`);
    await new Promise((done) => setTimeout(done, this.ms));
    this.running--;
    this.log.push(`end ${name}`);
    if (name === this.failOn) throw new Error(`cannot write ${name}`);
  }
}

const facts = (document: string): DocumentFacts => ({ document, hash: document, nodes: [], relationships: [] });

describe('WriteBehind', () => {
  it('returns before the write ends and keeps at most two writes in flight', async () => {
    const store = new SlowStore(30);
    const writer = new WriteBehind(store);
    const t = Date.now();
    await writer.push([facts('a')]);
    expect(Date.now() - t, 'push waits for nothing when no write is in flight').to.be.lessThan(20);
    for (const d of ['b', 'c', 'd']) await writer.push([facts(d)]);
    await writer.drain();
    expect(store.maxRunning).to.equal(2);
    expect(store.log.filter((l) => l.startsWith('end'))).to.have.length(4);
  });

  it('never runs two batches with a document in common at once', async () => {
    const store = new SlowStore(20);
    const writer = new WriteBehind(store);
    await writer.push([facts('x'), facts('y')]);
    await writer.push([facts('y')]);
    await writer.drain();
    expect(store.log).to.deep.equal(['start x+y', 'end x+y', 'start y', 'end y']);
  });

  it('reports a failed write at the next push or drain, and writes nothing after it', async () => {
    const store = new SlowStore(10, 'bad');
    const writer = new WriteBehind(store);
    await writer.push([facts('bad')]);
    await writer.push([facts('ok')]);
    // Both are in flight; the failure surfaces once they settle.
    let error: Error | undefined;
    try {
      await writer.drain();
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).to.equal('cannot write bad');
    let again: Error | undefined;
    try {
      await writer.push([facts('later')]);
    } catch (e) {
      again = e as Error;
    }
    expect(again?.message).to.equal('cannot write bad');
    expect(store.log).to.not.include('start later');
  });

  describe('writes what is done soon, not only once the batch is large', () => {
    /** Facts of a document with `articles` articles and no relationships. */
    const withArticles = (document: string, articles: number): DocumentFacts => ({
      document,
      hash: document,
      nodes: Array.from({ length: articles }, (_, i) => ({ label: 'Article' as const, props: { id: `${document}#${i}`, document, form: 'article' as const, headline: null, date: null, home: null } })),
      relationships: [],
    });

    it('writes a batch once it holds maxArticles articles', async () => {
      const store = new SlowStore(0);
      const writer = new WriteBehind(store, { maxArticles: 5, maxAgeMs: Infinity });
      await writer.add(withArticles('a', 3));
      expect(store.log).to.deep.equal([]);
      await writer.add(withArticles('b', 2));
      await writer.drain();
      expect(store.log).to.deep.equal(['start a+b', 'end a+b']);
    });

    it('writes a batch whose first document has waited maxAgeMs, at the next add or tick', async () => {
      let now = 0;
      const store = new SlowStore(0);
      const writer = new WriteBehind(store, { maxAgeMs: 2000, now: () => now });
      await writer.add(withArticles('a', 1));
      now = 1999;
      await writer.tick();
      expect(store.log, 'not yet due').to.deep.equal([]);
      now = 2000;
      await writer.tick();
      await writer.add(withArticles('b', 1));
      now = 5000;
      await writer.add(withArticles('c', 1));
      await writer.drain();
      expect(store.log.filter((l) => l.startsWith('start'))).to.deep.equal(['start a', 'start b+c']);
    });
  });
});
