/**
 * At most one call a frame: the first at once, then, when the next frame comes, the last of those
 * that arrived meanwhile (the ones between are dropped). For the date slider: each position is a
 * filter (tens to hundreds of ms on the month's graph) and a drag or a held arrow key sends positions
 * faster than frames are drawn; only the latest one is worth drawing.
 */
export function oncePerFrame<A extends unknown[]>(fn: (...args: A) => void, nextFrame: (callback: () => void) => void = (cb) => void requestAnimationFrame(cb)): (...args: A) => void {
  let waiting = false;
  let latest: A | null = null;
  const run = (args: A) => {
    fn(...args);
    waiting = true;
    nextFrame(() => {
      waiting = false;
      if (!latest) return;
      const next = latest;
      latest = null;
      run(next);
    });
  };
  return (...args) => {
    if (waiting) latest = args;
    else run(args);
  };
}
