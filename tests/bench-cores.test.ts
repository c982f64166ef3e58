import { expect } from 'chai';
import { KERNELS, measureCoreScaling, scalingLine } from '../bench/core-scaling.js';

describe('bench:cores', () => {
  it('runs each kernel in one thread and in two, and gives the speed-up of two', async function () {
    this.timeout(60_000);
    const results = await measureCoreScaling(1);
    expect(results.map((r) => r.kernel)).to.deep.equal([...KERNELS]);
    for (const r of results) {
      expect(r.oneMs).to.be.greaterThan(0);
      expect(r.twoMs).to.be.greaterThan(0);
      expect(r.speedup).to.be.closeTo((2 * r.oneMs) / r.twoMs, 1e-9);
    }
  });

  it('prints one figure per kernel', () => {
    const line = scalingLine([
      { kernel: 'compute', oneMs: 200, twoMs: 200, speedup: 2 },
      { kernel: 'memory', oneMs: 500, twoMs: 800, speedup: 1.25 },
    ]);
    expect(line).to.equal('compute 2.00×, memory 1.25×');
  });
});
