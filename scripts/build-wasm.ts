/**
 * Compiles the tagger's WebAssembly kernels (scripts/wasm-kernels.ts) and writes each binary beside
 * its source. Run after changing a `.wat` file:
 *
 *   npm run build:wasm
 */
import { writeFileSync } from 'node:fs';
import { binaryPath, compileKernel, KERNEL_SOURCES } from './wasm-kernels.js';

for (const source of KERNEL_SOURCES) {
  const binary = await compileKernel(source);
  writeFileSync(binaryPath(source), binary);
  console.error(`build-wasm: ${source} → ${binaryPath(source)} (${binary.length} bytes)`);
}
