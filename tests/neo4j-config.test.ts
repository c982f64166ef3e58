/**
 * The Neo4j that scripts/neo4j.mjs runs (development and tests) and docker-compose.yml: a generated
 * password that guanxi finds in the git-ignored cache folder, and the same limits on LOAD CSV and
 * transactions in both.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { IP_BLOCKLIST } from '#neo4j-server';
import { PACKAGE_ROOT } from '../src/paths.js';
import { localNeo4jPassword } from '../src/store/local-neo4j.js';
import { Neo4jClient, neo4jSettings } from '../src/store/neo4j.js';
import { testNeo4jUri } from './support/neo4j.js';

describe('the development Neo4j', function () {
  this.timeout(180_000);

  it('wants a password, which guanxi reads from the cache folder', async function () {
    if (process.env.GUANXI_TEST_NEO4J_URI) return this.skip(); // not a server the scripts started
    const uri = await testNeo4jUri();
    const anonymous = neo4j.driver(uri, undefined, { connectionTimeout: 5000 });
    let code: string | undefined;
    try {
      await anonymous.executeQuery('RETURN 1');
    } catch (err) {
      code = (err as { code?: string }).code;
    } finally {
      await anonymous.close();
    }
    expect(code).to.equal('Neo.ClientError.Security.Unauthorized');
    const settings = neo4jSettings(uri);
    expect(settings.password).to.be.a('string').with.length.above(16);
    const client = await Neo4jClient.connect(settings);
    await client.close();
  });

  it('finds the password of a loopback URI by its port, and none for other hosts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guanxi-credentials-'));
    try {
      writeFileSync(join(dir, 'bolt-7999'), 'generated\n');
      writeFileSync(join(dir, 'bolt-7687'), 'default-port\n');
      expect(localNeo4jPassword('bolt://127.0.0.1:7999', dir)).to.equal('generated');
      expect(localNeo4jPassword('neo4j://localhost:7999', dir)).to.equal('generated');
      expect(localNeo4jPassword('bolt://localhost', dir)).to.equal('default-port');
      expect(localNeo4jPassword('bolt://db.example.com:7999', dir)).to.equal(undefined);
      expect(localNeo4jPassword('bolt://127.0.0.1:7998', dir)).to.equal(undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('docker-compose.yml sets a transaction timeout and keeps LOAD CSV off files and loopback and private addresses, as the script does', () => {
    const compose = readFileSync(join(PACKAGE_ROOT, 'docker-compose.yml'), 'utf8');
    const env = (name: string) => new RegExp(`^\\s+${name}: "([^"]*)"`, 'm').exec(compose)?.[1];
    expect(env('NEO4J_db_transaction_timeout')).to.match(/^\d+[smh]$/);
    expect(env('NEO4J_dbms_security_allow__csv__import__from__file__urls')).to.equal('false');
    expect(env('NEO4J_internal_dbms_cypher__ip__blocklist')).to.equal(IP_BLOCKLIST);
    expect(IP_BLOCKLIST.split(',')).to.include.members(['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '::1/128', 'fc00::/7']);
  });
});
