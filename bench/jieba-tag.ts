/**
 * The peer process of the whole-process benchmark (bench/whole-process.ts): what
 * `guanxi extract corpus.jsonl --format json` does, done by @node-rs/jieba. It loads the
 * dictionary, reads the JSON Lines records, POS-tags every record's text and writes the tags to
 * stdout.
 *
 *   node dist/bench/jieba-tag.js corpus.jsonl [more.jsonl …] > /dev/null
 */
import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node dist/bench/jieba-tag.js corpus.jsonl [more.jsonl …]');
  process.exit(2);
}
// Loaded the way bench/extract.ts loads it, so both parts measure the same peer.
const jieba = Jieba.withDict(dict);
for (const path of files) {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line) as { id?: string; text: string };
    process.stdout.write(JSON.stringify({ id, tags: jieba.tag(text, true) }) + '\n');
  }
}
