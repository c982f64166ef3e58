/**
 * What the viewer's console lets through: read queries made of an allow-list of clauses. The read
 * transaction alone is not enough: LOAD CSV (which makes Neo4j fetch any URL, and so send data out),
 * procedures (dbms.*, db.clearQueryCaches) and administration commands (SHOW USERS, TERMINATE
 * TRANSACTIONS) all run in one. Not a parser: the statement is split into words outside strings,
 * comments and `quoted names`, and a word that starts a clause must start an allowed one, wherever
 * it stands, so a variable named like a refused keyword is refused too (rename it).
 */

/** Clause words the console allows (and the words inside them: OPTIONAL MATCH, ORDER BY, …). */
export const ALLOWED_CLAUSES = ['MATCH', 'OPTIONAL MATCH', 'WHERE', 'WITH', 'RETURN', 'ORDER BY', 'SKIP', 'LIMIT', 'UNWIND', 'UNION', 'CALL { … }', 'EXPLAIN', 'PROFILE'];

/** The words that start other clauses or commands: writes, LOAD CSV, administration, query options. */
const REFUSED = new Set([
  'CREATE', 'MERGE', 'DELETE', 'DETACH', 'SET', 'REMOVE', 'FOREACH', 'INSERT', 'LOAD', 'CSV', 'PERIODIC', 'COMMIT',
  'SHOW', 'TERMINATE', 'KILL', 'ALTER', 'DROP', 'GRANT', 'DENY', 'REVOKE', 'START', 'STOP', 'ENABLE', 'RENAME',
  'USE', 'TRANSACTIONS', 'CYPHER',
]);

/** Procedures that only describe the graph's schema. */
export const ALLOWED_PROCEDURES = ['db.labels', 'db.relationshipTypes', 'db.propertyKeys', 'db.schema.visualization', 'db.schema.nodeTypeProperties', 'db.schema.relTypeProperties'];

/** Namespaces of Neo4j's built-in functions (dates, points, vectors); any other namespace is a plugin's (apoc.load.*). */
const FUNCTION_NAMESPACES = new Set(['date', 'datetime', 'localdatetime', 'time', 'localtime', 'duration', 'point', 'vector']);

type Token = { kind: 'word' | 'name' | 'param' | 'string' | 'number' | 'punct'; text: string };

export class CypherRefused extends Error {}

/** The statement's tokens; comments and whitespace dropped. Throws CypherRefused on an unterminated string or comment. */
export function tokenize(statement: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const closing = (end: string, from: number, what: string): number => {
    const at = statement.indexOf(end, from);
    if (at < 0) throw new CypherRefused(`unterminated ${what}`);
    return at;
  };
  while (i < statement.length) {
    const c = statement[i];
    const rest = statement.slice(i);
    if (/\s/.test(c)) i++;
    else if (rest.startsWith('//')) i = statement.indexOf('\n', i) < 0 ? statement.length : statement.indexOf('\n', i);
    else if (rest.startsWith('/*')) i = closing('*/', i + 2, 'comment') + 2;
    else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < statement.length && statement[j] !== c) j += statement[j] === '\\' ? 2 : 1;
      if (j >= statement.length) throw new CypherRefused('unterminated string');
      tokens.push({ kind: 'string', text: statement.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '`') {
      // `` inside a quoted name is an escaped backtick.
      let j = i + 1;
      for (;;) {
        j = closing('`', j, 'quoted name');
        if (statement[j + 1] !== '`') break;
        j += 2;
      }
      tokens.push({ kind: 'name', text: statement.slice(i + 1, j) });
      i = j + 1;
    } else {
      const word = /^\$?[\p{L}_][\p{L}\p{N}_]*/u.exec(rest) ?? /^\$`[^`]*`/.exec(rest);
      const number = /^\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?/i.exec(rest);
      if (word) tokens.push({ kind: word[0].startsWith('$') ? 'param' : 'word', text: word[0] });
      else if (number) tokens.push({ kind: 'number', text: number[0] });
      else tokens.push({ kind: 'punct', text: c });
      i += (word ?? number)?.[0].length ?? 1;
    }
  }
  return tokens;
}

/** The dotted name starting at tokens[i] (a.b.c) and the index after it. */
function dottedName(tokens: Token[], i: number): { name: string; next: number } {
  const parts = [tokens[i].text];
  let j = i + 1;
  while (tokens[j]?.text === '.' && (tokens[j + 1]?.kind === 'word' || tokens[j + 1]?.kind === 'name')) {
    parts.push(tokens[j + 1].text);
    j += 2;
  }
  return { name: parts.join('.'), next: j };
}

/** Throws CypherRefused, saying why, unless the statement is a read query the console may run. */
export function checkConsoleCypher(statement: string): void {
  const tokens = tokenize(statement);
  const allowed = `the read-only console runs ${ALLOWED_CLAUSES.join(', ')} and the procedures ${ALLOWED_PROCEDURES.join(', ')}`;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1]?.text;
    if (t.text === ';' && i < tokens.length - 1) throw new CypherRefused('one statement at a time');
    if ((t.kind !== 'word' && t.kind !== 'name') || prev === '.' || prev === ':') continue; // a property, label or relationship type
    if (tokens[i + 1]?.text === ':' && (prev === '{' || prev === ',')) continue; // a map key
    const word = t.kind === 'word' ? t.text.toUpperCase() : '';
    if (REFUSED.has(word)) throw new CypherRefused(`${word} is not allowed: ${allowed}`);
    if (word === 'CALL') {
      const next = tokens[i + 1];
      if (next?.text === '{' || next?.text === '(') continue; // a subquery, checked as the rest is
      if (next?.kind !== 'word' && next?.kind !== 'name') throw new CypherRefused(`CALL must name a procedure or open a subquery: ${allowed}`);
      const { name, next: after } = dottedName(tokens, i + 1);
      if (!ALLOWED_PROCEDURES.some((p) => p.toLowerCase() === name.toLowerCase())) throw new CypherRefused(`the procedure ${name} is not allowed: ${allowed}`);
      i = after - 1;
      continue;
    }
    if (tokens[i + 1]?.text === '.') {
      const { name, next } = dottedName(tokens, i);
      if (tokens[next]?.text === '(' && !FUNCTION_NAMESPACES.has(t.text.toLowerCase())) throw new CypherRefused(`the function ${name} is not allowed: only Neo4j's built-in functions run in the console`);
      i = next - 1;
    }
  }
}
