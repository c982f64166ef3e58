/**
 * viz/src/per-frame.ts: the date slider's moves cut to one filter a frame. Frames are driven by hand
 * here, so the test says exactly which calls run and when.
 */
import { expect } from 'chai';
import { oncePerFrame } from '../viz/src/per-frame.js';

/** A frame clock run by the test: `tick` runs the callbacks waiting for the next frame. */
function frames() {
  let waiting: (() => void)[] = [];
  return {
    next: (cb: () => void) => void waiting.push(cb),
    tick() {
      const now = waiting;
      waiting = [];
      for (const cb of now) cb();
    },
    pending: () => waiting.length,
  };
}

describe('oncePerFrame', () => {
  it('runs the first call at once and, of the calls before the next frame, only the last, at that frame', () => {
    const clock = frames();
    const ran: string[] = [];
    const apply = oncePerFrame((range: string) => ran.push(range), clock.next);
    apply('04-01');
    expect(ran).to.deep.equal(['04-01']);
    apply('04-02');
    apply('04-03');
    apply('04-04');
    expect(ran).to.deep.equal(['04-01']);
    clock.tick();
    expect(ran).to.deep.equal(['04-01', '04-04']);
    // That one waits for a frame in turn; with nothing new, the next frame runs nothing.
    clock.tick();
    expect(ran).to.deep.equal(['04-01', '04-04']);
    expect(clock.pending()).to.equal(0);
  });

  it('runs a call at once again once a frame has passed with none waiting', () => {
    const clock = frames();
    const ran: number[] = [];
    const apply = oncePerFrame((n: number) => ran.push(n), clock.next);
    apply(1);
    clock.tick();
    apply(2);
    expect(ran).to.deep.equal([1, 2]);
  });

  it('passes every argument of the call it keeps', () => {
    const clock = frames();
    const ran: [string, number][] = [];
    const apply = oncePerFrame((handle: string, day: number) => ran.push([handle, day]), clock.next);
    apply('from', 3);
    apply('to', 9);
    apply('from', 5);
    clock.tick();
    expect(ran).to.deep.equal([['from', 3], ['from', 5]]);
  });
});
