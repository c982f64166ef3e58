/**
 * The first readable picture a newcomer gets on a large graph: `guanxi serve` on a store, opened in
 * headless Chromium, which opens a graph larger than the overview on who met whom. Reports, over a
 * few fresh page loads, navigation start → the first frame of who met whom (all persons labelled),
 * and what it shows.
 *
 *   npm run bench:meetings -- STORE [--loads 5] [--webgl swiftshader|llvmpipe]
 *
 * STORE is an embedded store (`guanxi ingest … --snapshot month.db`), such as the People's Daily
 * month: `python3 ../shared/tools/pfr_jsonl.py ../shared/corpora/pfr-199801.txt pfr.jsonl` then
 * `guanxi ingest pfr.jsonl --snapshot month.db`.
 */
import { createViewerServer } from '../src/server/app.js';
import { openStore } from '../src/store/open.js';
import type { MeetingsStatus } from '../viz/src/meetings-view.js';
import { launchChromium, WEBGL_BACKENDS, type WebGLBackend } from '../tests/e2e/chromium.js';

interface Load {
  firstRender: number;
  view: string;
  status: MeetingsStatus | null;
  labelled: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const path = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!path) throw new Error('usage: npm run bench:meetings -- STORE [--loads 5] [--webgl swiftshader|llvmpipe]');
  const loads = Number(option('--loads', '5'));
  const webgl = option('--webgl', 'swiftshader') as WebGLBackend;
  if (!WEBGL_BACKENDS.includes(webgl)) throw new Error(`--webgl is one of ${WEBGL_BACKENDS.join(', ')}`);

  const store = await openStore({ snapshot: path });
  const server = await createViewerServer({ store });
  const browser = await launchChromium(webgl);
  const results: Load[] = [];
  try {
    for (let i = 0; i < loads; i++) {
      // A fresh context each time: nothing cached from the load before.
      const context = await browser.newContext({ viewport: { width: 1400, height: 850 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction('window.__guanxi && (window.__guanxi.firstRender !== null || window.__guanxi.error !== null)', null, { timeout: 120_000 });
      const load = (await page.evaluate(`(() => {
        const g = window.__guanxi;
        if (g.error) throw new Error(g.error);
        const m = g.meetings;
        const labelled = m.graph.nodes().filter((k) => (m.sigma.getNodeDisplayData(k) || {}).label).length;
        return { firstRender: g.firstRender, view: g.store.get().view, status: m.status(), labelled };
      })()`)) as Load;
      results.push(load);
      console.error(`load ${i + 1}/${loads}: ${(load.firstRender / 1000).toFixed(2)} s, ${load.view}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await store.close();
  }
  const times = results.map((r) => r.firstRender / 1000).sort((a, b) => a - b);
  const s = results[0].status;
  console.log(`store ${path} · ${webgl} · ${loads} fresh loads`);
  console.log(`opens on: ${results[0].view}${s ? `, ${s.period.from} – ${s.period.to}, ${s.persons} of ${s.totalPersons} people, ${s.pairs} pairs, ${results[0].labelled} labelled` : ''}`);
  console.log(`first picture s: best ${times[0].toFixed(2)}, median ${times[Math.floor(times.length / 2)].toFixed(2)}, worst ${times.at(-1)!.toFixed(2)}`);
}

main().catch((err: Error) => {
  console.error(`bench:meetings: ${err.message}`);
  process.exitCode = 1;
});
