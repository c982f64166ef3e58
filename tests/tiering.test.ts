/** The optimizer's budget the command line sets (src/cli/tiering.ts), unless its own command line sets one. */
import { expect } from 'chai';
import { INTERRUPT_BUDGET, tieringFlag } from '../src/cli/tiering.js';

describe('tiering budget', () => {
  it('raises the interrupt budget for a plain command line', () => {
    expect(tieringFlag([])).to.equal(`--interrupt-budget=${INTERRUPT_BUDGET}`);
    expect(tieringFlag(['--max-old-space-size=4096'])).to.equal(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  });

  it('leaves a budget given to node alone, in either spelling', () => {
    expect(tieringFlag(['--interrupt-budget=100000'])).to.equal(null);
    expect(tieringFlag(['--trace-opt', '--interrupt_budget=100000'])).to.equal(null);
  });
});
