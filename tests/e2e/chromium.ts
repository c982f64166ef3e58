/**
 * The headless Chromium of the e2e tests and bench:viewer: Debian's package (apt-get install -y
 * chromium fonts-noto-cjk), driven by playwright-core, which never downloads a browser of its own.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Where WebGL runs, with no GPU in the machine:
 * - `swiftshader`: Chromium's own software Vulkan, through ANGLE (what the e2e tests use). It pays
 *   about 16 µs for every instance of an instanced draw, which is how sigma 4 draws every node and
 *   edge: `npm run bench:viewer` measures this.
 * - `llvmpipe`: Mesa's software OpenGL driver (package libgl1-mesa-dri), through ANGLE's EGL
 *   backend. Chromium blocklists it, so the GPU process has to be told to ignore the blocklist.
 */
export type WebGLBackend = 'swiftshader' | 'llvmpipe';
export const WEBGL_BACKENDS: readonly WebGLBackend[] = ['swiftshader', 'llvmpipe'];

const COMMON = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * playwright-core adds --enable-unsafe-swiftshader, which gives WebGL in software once the GPU is
 * disabled; --use-gl=swiftshader would leave no WebGL at all.
 */
const BACKEND_ARGS: Record<WebGLBackend, string[]> = {
  swiftshader: ['--disable-gpu'],
  llvmpipe: ['--use-angle=gl-egl', '--ignore-gpu-blocklist'],
};

export function launchChromium(backend: WebGLBackend = 'swiftshader'): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...COMMON, ...BACKEND_ARGS[backend]] });
}
