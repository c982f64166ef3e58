import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { binaryPath, compileKernel, KERNEL_SOURCES } from '../scripts/wasm-kernels.js';

describe('the WebAssembly kernels', () => {
  it('are committed as their sources compile (npm run build:wasm after changing a .wat)', async () => {
    expect(KERNEL_SOURCES).to.not.be.empty;
    for (const source of KERNEL_SOURCES) {
      const committed = readFileSync(binaryPath(source));
      expect(Buffer.from(await compileKernel(source)).equals(committed), `${source} and its .wasm`).to.equal(true);
    }
  });
});
