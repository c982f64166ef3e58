/** The console's allow-list (src/server/cypher-guard.ts): read clauses pass; writes, LOAD CSV, procedures and administration do not. */
import { expect } from 'chai';
import { checkConsoleCypher, CypherRefused } from '../src/server/cypher-guard.js';
import { namedQuery, namedQueryNames } from '../src/store/named-queries.js';

const refusal = (statement: string): string | null => {
  try {
    checkConsoleCypher(statement);
    return null;
  } catch (err) {
    expect(err).to.be.instanceOf(CypherRefused);
    return (err as Error).message;
  }
};

describe('cypher-guard', () => {
  it('lets read queries through', () => {
    for (const statement of [
      'MATCH (n) RETURN n LIMIT 5',
      "MATCH (p:Person {name: '张飞'})-[r:PARTICIPATED_IN]->(e:Event) RETURN p, r, e ORDER BY e.name",
      'OPTIONAL MATCH (a)-[:HOLDS]->(o) WITH a, count(o) AS n WHERE n > 1 RETURN a.name SKIP 1 LIMIT 10',
      'UNWIND range(1, 3) AS x RETURN x UNION ALL RETURN 4 AS x',
      'MATCH (p:Person) CALL (p) { MATCH (p)-->(e:Event) RETURN count(e) AS events } RETURN p.name, events',
      'MATCH (p:Person) WHERE EXISTS { (p)-->(:Event) } RETURN count { (p)-->() } AS degree, date() AS today, duration.between(date("2023-01-01"), date()) AS d',
      "MATCH (n) WHERE n.name = 'LOAD CSV FROM x; CREATE (n)' AND n.`create` = 1 RETURN {set: 1, delete: 2} AS map, n.set, $create",
      'CALL db.labels() YIELD label RETURN label',
      'CALL db.schema.visualization()',
      '// a comment with DELETE\nMATCH (n) /* SET */ RETURN n;',
      ...namedQueryNames().map((name) => namedQuery(name).statement),
    ]) {
      expect(refusal(statement), statement).to.equal(null);
    }
  });

  it('refuses writes, LOAD CSV, procedures outside the allow-list and administration', () => {
    for (const statement of [
      "CREATE (:Person {id: 'x'})",
      "MATCH (n) SET n.x = 1",
      'MATCH (n) DETACH DELETE n',
      'MERGE (n:X)',
      "LOAD CSV FROM 'http://127.0.0.1:9/x' AS row RETURN row",
      "load csv from 'file:///etc/passwd' as row return row",
      "LOAD/**/CSV FROM 'http://127.0.0.1:9/x' AS row RETURN row",
      "MATCH (d:Document) CALL { LOAD CSV FROM 'http://x/' + d.id AS row RETURN row } RETURN row",
      'CALL dbms.listConfig()',
      'CALL dbms.listConnections()',
      'CALL db.clearQueryCaches()',
      'CALL `dbms`.`listConfig`()',
      "CALL apoc.load.json('http://x')",
      "RETURN apoc.text.join(['a'], ',')",
      "RETURN `apoc`.load.json('x')",
      'SHOW USERS',
      'SHOW SETTINGS',
      'SHOW TRANSACTIONS',
      "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
      'USE system SHOW DATABASES',
      'CYPHER runtime=slotted MATCH (n) RETURN n',
      'MATCH (n) RETURN n; MATCH (m) DETACH DELETE m',
      'MATCH (n) FOREACH (x IN [1] | SET n.x = x)',
      "RETURN 'unterminated",
    ]) {
      expect(refusal(statement), statement).to.be.a('string');
    }
    expect(refusal("LOAD CSV FROM 'http://x' AS r RETURN r")).to.match(/^LOAD is not allowed: the read-only console runs MATCH/);
    expect(refusal('CALL dbms.listConfig()')).to.match(/procedure dbms\.listConfig is not allowed/);
  });
});
