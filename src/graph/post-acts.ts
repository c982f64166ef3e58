/**
 * What a sentence does to a post: gives it (任命…为, 任), wins it in a vote (当选), adds it to another
 * (兼任) or takes it away (免去…职务, 不再担任), by the forms of data/lang/post-acts.tsv. A sentence
 * that merely names a person with a post has no act.
 */
import { readTable } from '../extract/lexicon/index.js';

import { POST_ACTS, type PostAct } from './post-act-kinds.js';

export { POST_ACTS, type PostAct };

const isAct = (s: string): s is PostAct => (POST_ACTS as readonly string[]).includes(s);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A few characters of one clause: acts do not reach across sentences or semicolons. */
const GAP = '[^。；;！？]{0,40}?';

let forms: { act: PostAct; parts: string[] }[] | null = null;
function actForms() {
  forms ??= readTable('post-acts.tsv').map(([act, form]) => {
    if (!isAct(act)) throw new Error(`data/lang/post-acts.tsv: unknown act "${act}"`);
    return { act, parts: form.split(/(\{name\}|\{title\}|…)/).filter(Boolean) };
  });
  return forms;
}

/** The act the sentence performs on `name`'s post `title`, or null. */
export function postAct(sentence: string, name: string, title: string): PostAct | null {
  if (!sentence.includes(name) || !sentence.includes(title)) return null;
  for (const { act, parts } of actForms()) {
    // Most sentences name no act at all: a form whose words are not all in the sentence cannot match.
    if (!parts.every((p) => p === '{name}' || p === '{title}' || p === '…' || sentence.includes(p))) continue;
    // 时任/曾任/现任 name a post held, not one given.
    const pattern = parts.map((p) => (p === '{name}' ? escape(name) : p === '{title}' ? escape(title) : p === '…' ? GAP : escape(p))).join('');
    const re = new RegExp(pattern);
    const m = re.exec(sentence);
    if (m && !(act === 'appointed' && /[时曾现历]任/.test(m[0]))) return act;
  }
  return null;
}
