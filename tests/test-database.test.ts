/** The tests never touch a user's database: their own server or variable, and no wiping of data they did not write. */
import { expect } from 'chai';
import { Neo4jClient, neo4jSettings } from '../src/store/neo4j.js';
import { testNeo4jTarget, testNeo4jUri, wipeTestDatabase } from './support/neo4j.js';

describe("the tests' Neo4j", function () {
  this.timeout(180_000);

  it("ignores the user's NEO4J_URI and takes only GUANXI_TEST_NEO4J_URI", () => {
    expect(testNeo4jTarget({ NEO4J_URI: 'bolt://production.example:7687' })).to.deep.equal({ boltPort: 7688 });
    expect(testNeo4jTarget({ NEO4J_URI: 'bolt://production.example:7687', GUANXI_TEST_BOLT_PORT: '7699' })).to.deep.equal({ boltPort: 7699 });
    expect(testNeo4jTarget({ GUANXI_TEST_NEO4J_URI: 'bolt://scratch:7687' })).to.deep.equal({ uri: 'bolt://scratch:7687' });
  });

  it('clears the variables guanxi reads, so that nothing in the tests (or the CLIs they spawn) reaches the user\'s database', () => {
    expect(process.env.NEO4J_URI).to.equal(undefined);
    expect(process.env.NEO4J_PASSWORD).to.equal(process.env.GUANXI_TEST_NEO4J_PASSWORD);
  });

  it('refuses to wipe a database holding data it did not write, and wipes its own', async () => {
    const client = await Neo4jClient.connect(neo4jSettings(await testNeo4jUri()));
    try {
      await wipeTestDatabase(client);
      // A database as a user's would be: their data, no marker.
      await client.query('MATCH (m:GuanxiTestDatabase) DELETE m', {}, true);
      await client.query("CREATE (:UserData {id: 'precious'})", {}, true);
      let error: Error | undefined;
      await wipeTestDatabase(client).catch((err: Error) => (error = err));
      expect(error?.message).to.match(/^refusing to wipe .*1 nodes the tests did not write/);
      expect((await client.query('MATCH (n:UserData) RETURN count(n) AS n')).rows[0].n).to.equal(1);
      expect((await client.query('MATCH (n:GuanxiTestDatabase) RETURN count(n) AS n')).rows[0].n).to.equal(0);

      // Its own data (with the marker) it wipes.
      await client.query('MATCH (n:UserData) DELETE n', {}, true);
      await wipeTestDatabase(client);
      await client.query("CREATE (:Person {id: 'test', name: 'test'})", {}, true);
      await wipeTestDatabase(client);
      expect((await client.query('MATCH (n) WHERE NOT n:GuanxiTestDatabase RETURN count(n) AS n')).rows[0].n).to.equal(0);
    } finally {
      await client.close();
    }
  });
});
