/**
 * Each role's own evidence in the side panel, in headless Chromium, on the sample page in the
 * embedded store: at 市委政法工作会议, 汤超 under "spoke" shows the sentence of his speech and under
 * "attended" the attendance sentence; his own panel gives that event both sentences.
 */
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import type { GraphStore } from '../../src/store/store.js';
import { sampleEmbedded } from '../viewer-fixtures.js';
import { chromiumFor, hook, shot, viewStore, type Viewing } from './viewer-page.js';

const SPEECH = /^汤超充分肯定了去年以来全市政法工作取得的成绩/;
const ATTENDANCE = /汤超，.*出席会议。$/;

describe("each role's evidence in the side panel (headless Chromium)", function () {
  this.timeout(240_000);
  let browser: Browser;
  let store: GraphStore;
  let viewing: Viewing;

  before(async function () {
    browser = await chromiumFor(this);
    store = await sampleEmbedded();
    viewing = await viewStore(browser, store);
  });
  after(async () => {
    await viewing?.close();
    await browser?.close();
    await store?.close();
  });

  /** The key of the first node of a kind the search finds for a text. */
  async function find(q: string, kind: string): Promise<string> {
    const [hit] = (await (await fetch(`${viewing.server.url}api/search?q=${encodeURIComponent(q)}&kind=${kind}&limit=1`)).json()) as { key: string }[];
    expect(hit, `${kind} ${q}`).to.not.equal(undefined);
    return hit.key;
  }

  it('shows under "spoke" the sentence of the speech, under "attended" the attendance sentence', async () => {
    const { page } = viewing;
    await hook(page, `g.store.set({ selected: ${JSON.stringify(await find('市委政法工作会议', 'Event'))} })`);
    const group = (role: string) => page.locator('#panel .role-group', { has: page.locator('h4', { hasText: role }) });
    const evidenceOf = async (role: string) => {
      const item = group(role).locator('li', { has: page.getByRole('button', { name: '汤超', exact: true }) });
      await item.locator('summary').click();
      return item.locator('blockquote.evidence p').innerText();
    };
    await group('spoke 讲话').waitFor();
    expect(await evidenceOf('spoke 讲话')).to.match(SPEECH);
    expect(await evidenceOf('attended 出席')).to.match(ATTENDANCE);
    await shot(page, 'role-evidence-event');
  });

  it("gives 汤超's panel both sentences for that event, the attendance first", async () => {
    const { page } = viewing;
    await hook(page, `g.store.set({ selected: ${JSON.stringify(await find('汤超', 'Person'))} })`);
    const event = page.locator('#panel article.event', { has: page.getByRole('button', { name: '市委政法工作会议' }) });
    await event.waitFor();
    const sentences = await event.locator('blockquote.evidence p').allInnerTexts();
    expect(sentences).to.have.length(2);
    expect(sentences[0]).to.match(ATTENDANCE);
    expect(sentences[1]).to.match(SPEECH);
  });
});
