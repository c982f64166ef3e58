/** Mocha root hooks (loaded by .mocharc.json): servers started for the tests stop with them. */
import { stopTestNeo4j } from './neo4j.js';

export const mochaHooks = {
  async afterAll(this: Mocha.Context) {
    this.timeout(90_000);
    await stopTestNeo4j();
  },
};
