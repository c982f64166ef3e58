/**
 * Work on a stream of items, several at once, with the results given in the items' order. At most
 * `window` items are at work or waiting to be taken, and the next item is read only when a result
 * is taken: a slow reader of the results holds back the reading of the input, so memory stays
 * bounded however long the stream.
 */
export async function* inOrder<T, R>(items: AsyncIterable<T> | Iterable<T>, work: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const queue: Promise<R>[] = [];
  for await (const item of items) {
    const result = work(item);
    // Awaited in turn below; until then a failure must not count as unhandled.
    result.catch(() => {});
    queue.push(result);
    if (queue.length >= window) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}
