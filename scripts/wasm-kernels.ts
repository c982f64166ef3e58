/**
 * The WebAssembly kernels of the tagger: each `.wat` source under src/ beside its committed `.wasm`
 * binary. `npm run build:wasm` compiles the sources (scripts/build-wasm.ts); tests/wasm-kernels.test.ts
 * checks that every committed binary is what its source compiles to, so the two never part.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import wabt from 'wabt';
import { PACKAGE_ROOT } from '../src/paths.js';

/** The kernels' sources, relative to the package root; each binary is the same path ending in .wasm. */
export const KERNEL_SOURCES = ['src/extract/ner/tagger.wat'];

export const binaryPath = (source: string) => join(PACKAGE_ROOT, source.replace(/\.wat$/, '.wasm'));

/** The binary a kernel source compiles to (SIMD on, no names section: the same bytes on every run). */
export async function compileKernel(source: string): Promise<Uint8Array> {
  const tools = await wabt();
  const module = tools.parseWat(source, readFileSync(join(PACKAGE_ROOT, source), 'utf8'), { simd: true });
  try {
    module.validate();
    return module.toBinary({ write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}
