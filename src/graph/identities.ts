/**
 * The user's identities file: corrections to entity resolution (src/graph/resolve.ts), applied at
 * ingest after the automatic rules. One directive per line (docs/identities.md):
 *
 *   merge 张三@许昌市 张三@全国                  these ids are one person; the first one is kept
 *   split 王伟@北京市 org=北京大学 as 王伟@北京大学  mentions that meet every condition are another person
 *   not-a-person 希望                           a name (or name@region) that is never a person
 *   alias 江主席 江泽民                          a form of address read as the name it stands for
 *
 * The automatic key still depends only on the document; a directive then maps that key to another
 * (or to none). The persons a directive makes or keeps carry the rule `identities-file` and the
 * directive as their evidence, which depends only on the file, so that every document gives such a
 * person the same properties. A document's stored hash includes the directives whose names occur in
 * its text (Identities.scanner), so that a changed file re-reads just the documents it concerns.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ArticleOut, PersonOut } from '../extract/types.js';
import { canonicalOrganization } from './hierarchy.js';
import type { PersonProps } from './model.js';
import type { PersonResolution } from './resolve.js';

/** `name@region` (region `?`: none), as src/graph/resolve.ts personId makes it. */
export interface PersonKey {
  id: string;
  name: string;
  region: string | null;
}

export type SplitField = 'org' | 'document' | 'article';
export const SPLIT_FIELDS: readonly SplitField[] = ['org', 'document', 'article'];

export interface SplitCondition {
  field: SplitField;
  value: string;
}

/** `text`: the directive as written (spaces normalised), which is the evidence kept on persons. */
export type Directive = { line: number; text: string } & (
  | { kind: 'merge'; into: PersonKey; from: PersonKey[] }
  | { kind: 'split'; person: PersonKey; when: SplitCondition[]; as: PersonKey }
  | { kind: 'not-a-person'; name: string; id: string | null }
  | { kind: 'alias'; form: string; name: string }
);

/** What the identities file adds to a person node it makes or keeps. */
type Correction = Pick<PersonProps, 'merged' | 'evidence'>;

export class IdentitiesError extends Error {}

const NAME = /^[^\s@#=]+$/;

function parseKey(token: string, where: string): PersonKey {
  const at = token.lastIndexOf('@');
  const name = token.slice(0, at);
  const region = token.slice(at + 1);
  if (at <= 0 || !region || !NAME.test(name) || /[\s#=]/.test(region)) throw new IdentitiesError(`${where}: "${token}" is not a person id: write name@region, as 张三@许昌市 (name@? for a person with no region)`);
  return { id: token, name, region: region === '?' ? null : region };
}

function parseName(token: string, where: string, what: string): string {
  if (!NAME.test(token)) throw new IdentitiesError(`${where}: "${token}" is not ${what}: a name has no spaces, @, # or =`);
  return token;
}

function parseLine(words: string[], line: number, where: string): Directive {
  const [verb, ...args] = words;
  const text = words.join(' ');
  switch (verb) {
    case 'merge': {
      if (args.length < 2) throw new IdentitiesError(`${where}: merge takes two or more person ids, the one to keep first: merge 张三@许昌市 张三@全国`);
      const [into, ...from] = args.map((a) => parseKey(a, where));
      const ids = new Set(args);
      if (ids.size !== args.length) throw new IdentitiesError(`${where}: merge names the same id twice`);
      return { line, text, kind: 'merge', into, from };
    }
    case 'split': {
      const as = args.findIndex((a) => a === 'as' || a === '→' || a === '->');
      if (args.length < 4 || as < 2 || as !== args.length - 2)
        throw new IdentitiesError(`${where}: write split ID CONDITION… as NEW-ID, as in: split 王伟@北京市 org=北京大学 as 王伟@北京大学`);
      const person = parseKey(args[0], where);
      const when = args.slice(1, as).map((c): SplitCondition => {
        const eq = c.indexOf('=');
        const field = c.slice(0, eq) as SplitField;
        const value = c.slice(eq + 1);
        if (eq <= 0 || !value || !SPLIT_FIELDS.includes(field)) throw new IdentitiesError(`${where}: "${c}" is no condition: write ${SPLIT_FIELDS.map((f) => `${f}=…`).join(', ')}`);
        return { field, value };
      });
      const target = parseKey(args[as + 1], where);
      if (target.id === person.id) throw new IdentitiesError(`${where}: split ${person.id} as itself changes nothing`);
      return { line, text, kind: 'split', person, when, as: target };
    }
    case 'not-a-person': {
      if (args.length !== 1) throw new IdentitiesError(`${where}: not-a-person takes one name or person id: not-a-person 希望`);
      const key = args[0].includes('@') ? parseKey(args[0], where) : null;
      return { line, text, kind: 'not-a-person', name: key?.name ?? parseName(args[0], where, 'a name'), id: key?.id ?? null };
    }
    case 'alias': {
      if (args.length !== 2) throw new IdentitiesError(`${where}: alias takes a form and the name it stands for: alias 江主席 江泽民`);
      const [form, name] = [parseName(args[0], where, 'a form of address'), parseName(args[1], where, 'a name')];
      if (form === name) throw new IdentitiesError(`${where}: alias ${form} ${name} changes nothing`);
      return { line, text, kind: 'alias', form, name };
    }
    default:
      throw new IdentitiesError(`${where}: "${verb}" is no directive: write merge, split, not-a-person or alias (docs/identities.md)`);
  }
}

export class Identities {
  private readonly aliases = new Map<string, Directive & { kind: 'alias' }>();
  private readonly rejectedNames = new Set<string>();
  private readonly rejectedIds = new Set<string>();
  private readonly mergedInto = new Map<string, Directive & { kind: 'merge' }>();
  private readonly splits = new Map<string, (Directive & { kind: 'split' })[]>();
  private readonly corrections = new Map<string, Correction>();
  /** Each directive by the names whose presence in a text makes it concern the document. */
  private readonly byName = new Map<string, Directive[]>();

  private constructor(
    /** Where the directives were read, for messages. */
    readonly file: string,
    readonly directives: readonly Directive[],
  ) {
    const merges = new Map<string, Directive>();
    for (const d of directives) {
      const where = `${file}:${d.line}`;
      const conflict = (before: Directive | undefined, what: string) => {
        if (before) throw new IdentitiesError(`${where}: ${what} already on line ${before.line}`);
      };
      switch (d.kind) {
        case 'merge':
          for (const k of d.from) {
            conflict(merges.get(k.id) ?? (this.mergedInto.has(k.id) ? this.mergedInto.get(k.id) : undefined), `${k.id} is merged`);
            merges.set(k.id, d);
            this.mergedInto.set(k.id, d);
          }
          this.correct(d.into.id, d.text, d.from.map((k) => k.id));
          this.about(d, [d.into.name, ...d.from.map((k) => k.name)]);
          break;
        case 'split':
          this.splits.set(d.person.id, [...(this.splits.get(d.person.id) ?? []), d]);
          this.correct(d.as.id, d.text);
          this.about(d, [d.person.name]);
          break;
        case 'not-a-person':
          if (d.id) this.rejectedIds.add(d.id);
          else this.rejectedNames.add(d.name);
          this.about(d, [d.name]);
          break;
        case 'alias':
          conflict(this.aliases.get(d.form), `alias ${d.form} is given`);
          this.aliases.set(d.form, d);
          this.about(d, [d.form]);
          break;
      }
    }
    // A merge into an id that is itself merged away would chain: say where it should go.
    for (const d of directives) {
      if (d.kind !== 'merge') continue;
      const chained = this.mergedInto.get(d.into.id);
      if (chained) throw new IdentitiesError(`${file}:${d.line}: ${d.into.id} is merged into ${chained.into.id} on line ${chained.line}: merge into ${chained.into.id} instead`);
    }
  }

  private correct(id: string, evidence: string, merged: string[] = []): void {
    const c = this.corrections.get(id) ?? {};
    c.evidence = [...(c.evidence ?? []), evidence];
    if (merged.length) c.merged = [...(c.merged ?? []), ...merged];
    this.corrections.set(id, c);
  }

  private about(d: Directive, names: string[]): void {
    for (const n of new Set(names)) this.byName.set(n, [...(this.byName.get(n) ?? []), d]);
  }

  /** Parses a file's text; `file` names it in messages. Throws IdentitiesError naming the file and line. */
  static parse(text: string, file: string): Identities {
    const directives: Directive[] = [];
    text.split(/\r?\n/).forEach((raw, i) => {
      const words = raw.replace(/#.*$/, '').trim().split(/\s+/).filter(Boolean);
      if (words.length) directives.push(parseLine(words, i + 1, `${file}:${i + 1}`));
    });
    return new Identities(file, directives);
  }

  static read(file: string): Identities {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new IdentitiesError(`${file}: cannot read the identities file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return Identities.parse(text, file);
  }

  /**
   * Collects the directives that concern a document from its texts: those whose names occur in them.
   * `digest()` is '' when none does (the document's hash is then what it is without a file).
   */
  scanner(): { see(text: string): void; digest(): string } {
    const found = new Set<Directive>();
    const left = new Map<string, string[]>();
    for (const n of this.byName.keys()) left.set(n[0], [...(left.get(n[0]) ?? []), n]);
    return {
      // One pass over the text, looking for names only where one could start.
      see: (text) => {
        for (let i = 0; i < text.length && left.size; i++) {
          const names = left.get(text[i]);
          if (!names) continue;
          for (const n of names.filter((n) => text.startsWith(n, i))) {
            for (const d of this.byName.get(n)!) found.add(d);
            const rest = names.filter((m) => m !== n);
            if (rest.length) left.set(text[i], rest);
            else left.delete(text[i]);
          }
        }
      },
      digest: () => {
        if (!found.size) return '';
        const texts = [...found].map((d) => d.text).sort();
        return createHash('sha256').update(texts.join('\n')).digest('hex');
      },
    };
  }

  /** The article with forms of address replaced by the names they stand for (persons of one name merged). */
  unalias(a: ArticleOut): ArticleOut {
    if (!this.aliases.size) return a;
    const name = (n: string) => this.aliases.get(n)?.name ?? n;
    if (![...a.persons.map((p) => p.name), ...a.events.flatMap((e) => e.participants.map((p) => p.name)), ...a.reporters, ...a.correspondents, ...a.photographers].some((n) => this.aliases.has(n))) return a;
    const persons = new Map<string, PersonOut>();
    for (const p of a.persons) {
      const n = name(p.name);
      const seen = persons.get(n);
      persons.set(n, seen ? { ...seen, mentions: seen.mentions + p.mentions, titles: [...seen.titles, ...p.titles], spans: [...seen.spans, ...p.spans] } : { ...p, name: n });
    }
    const once = (names: string[]) => [...new Set(names.map(name))];
    return {
      ...a,
      persons: [...persons.values()],
      events: a.events.map((e) => {
        const participants = new Map<string, (typeof e.participants)[number]>();
        for (const p of e.participants) {
          const n = name(p.name);
          const seen = participants.get(n);
          participants.set(n, seen ? { ...seen, roles: [...new Set([...seen.roles, ...p.roles])] } : { ...p, name: n });
        }
        return { ...e, participants: [...participants.values()] };
      }),
      reporters: once(a.reporters),
      correspondents: once(a.correspondents),
      photographers: once(a.photographers),
    };
  }

  /** True when `name` in the unaliased article was written as a form of address. */
  wasAliased(original: ArticleOut, name: string): boolean {
    return original.persons.some((p) => p.name !== name && this.aliases.get(p.name)?.name === name);
  }

  /**
   * The person `name` stands for in this article, after the automatic resolution `auto`: null for a
   * non-person; otherwise split, then merged, as the directives say.
   */
  resolve(auto: PersonResolution, at: { article: ArticleOut; document: string; province: string | null; aliased: boolean }): PersonResolution | null {
    if (this.rejectedNames.has(auto.name) || this.rejectedIds.has(auto.id)) return null;
    let key: PersonKey = { id: auto.id, name: auto.name, region: auto.region };
    let changed = at.aliased;
    const split = this.splits.get(key.id)?.find((d) => d.when.every((c) => holds(c, auto.name, at)));
    if (split) {
      key = split.as;
      changed = true;
    }
    const merge = this.mergedInto.get(key.id);
    if (merge) {
      key = merge.into;
      changed = true;
    }
    if (this.rejectedIds.has(key.id)) return null;
    const correction = this.corrections.get(key.id);
    // The mention's rule is the file's only when the file moved it; the node's is the file's whenever it made or kept it (src/graph/facts.ts).
    const basis = changed ? (correction?.evidence?.join('; ') ?? 'an alias of the identities file') : auto.basis;
    return { ...key, rule: changed ? 'identities-file' : auto.rule, basis, ...(correction ? { correction } : {}) };
  }
}

function holds(c: SplitCondition, name: string, { article, document, province }: { article: ArticleOut; document: string; province: string | null }): boolean {
  switch (c.field) {
    case 'org':
      // As written or as the graph names it (许昌市政府 or 许昌市人民政府).
      return article.persons.some((p) => p.name === name && p.titles.some((t) => t.organization && (t.organization === c.value || canonicalOrganization(t.organization, province) === c.value)));
    case 'document':
      return document === c.value || document.endsWith(`/${c.value}`);
    case 'article':
      return article.id === c.value || article.id.endsWith(`/${c.value}`);
  }
}
