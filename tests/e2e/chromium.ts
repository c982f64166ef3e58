/**
 * The headless Chromium of the e2e tests and bench:viewer: Debian's package (apt-get install -y
 * chromium fonts-noto-cjk), driven by playwright-core, which never downloads a browser of its own.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags that work in a container without a GPU. playwright-core adds --enable-unsafe-swiftshader,
 * which gives WebGL in software; --use-gl=swiftshader would leave no WebGL at all.
 */
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
