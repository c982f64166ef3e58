/**
 * Node labels, drawn on a 2D canvas over sigma's WebGL stage with the browser's own text
 * rendering (fillText), in a CJK face.
 *
 * Why not sigma's labels: sigma 4.0.4 draws labels in WebGL from a glyph atlas of signed distance
 * fields, one 2048×2048 page of 64-px glyphs (about 600 Chinese characters), and its label shader
 * only ever reads the first page: a graph whose labels hold 3,000 distinct characters draws most
 * of them as boxes or as other characters. It also builds the glyph of every character of every
 * label when the graph is loaded, whether the label is ever shown or not (seconds for the month's
 * graph). Here a label costs something only when it is on screen, and any character the font has is drawn right.
 *
 * Which labels: the forced ones first (a small view's nodes, the focused node and its chosen
 * neighbours), then the largest nodes drawn above a size threshold, each where it does not cover
 * a label already placed.
 */
import type { ViewGraph } from './graph-data.js';
import type { ViewSigma } from './renderer.js';

export type LabelTone = 'focus' | 'plain' | 'muted';

export interface LabelSource {
  /** The node's label and tone, or null when it gets none in the current state. */
  style(key: string): LabelTone | null;
  /** Nodes labelled whatever their size and neighbours (drawn when on screen). */
  forced(): Iterable<string>;
  /** The nodes that may get a label, largest first; read again on `reindex`. */
  candidates(): string[];
}

export interface LabelLayer {
  /** The nodes whose label the last frame drew. */
  displayed(): ReadonlySet<string>;
  /** The candidates changed (a filter): read them again. */
  reindex(): void;
}

const FONT_SIZE = 12;
const FOCUS_SIZE = 14;
/** At most this many labels a frame: past it a screen is text, not a picture. */
const MAX_LABELS = 400;
const MAX_EXAMINED = 5000;
/** Labels drawn whatever the size threshold says (the largest nodes on screen). */
const MIN_LABELS = 20;
const COLORS: Record<LabelTone, string> = { focus: '#000000', plain: '#1f2328', muted: '#8c959f' };

export function createLabelLayer(sigma: ViewSigma, graph: ViewGraph, source: LabelSource, options: { font: string; threshold: number; hideOnMove: boolean }): LabelLayer {
  const canvas = sigma.createCanvas('guanxi-labels', { beforeLayer: 'mouse', style: { pointerEvents: 'none', left: '0', top: '0' } }) as HTMLCanvasElement;
  const ctx = canvas.getContext('2d')!;
  let candidates = source.candidates();
  let displayed = new Set<string>();
  let lastCamera = '';
  let settle = 0;
  const widths = new Map<string, number>();

  const fontOf = (tone: LabelTone) => (tone === 'focus' ? `bold ${FOCUS_SIZE}px ${options.font}` : `${FONT_SIZE}px ${options.font}`);
  const measure = (text: string, tone: LabelTone) => {
    const key = `${tone === 'focus' ? 'b' : 'n'}${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      ctx.font = fontOf(tone);
      widths.set(key, (w = ctx.measureText(text).width));
    }
    return w;
  };

  const draw = () => {
    const { width, height } = sigma.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      [canvas.width, canvas.height] = [Math.round(width * ratio), Math.round(height * ratio)];
      [canvas.style.width, canvas.style.height] = [`${width}px`, `${height}px`];
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    displayed = new Set();
    const placed: [number, number, number, number][] = [];
    const covers = (x0: number, y0: number, x1: number, y1: number) => placed.some(([a0, b0, a1, b1]) => x0 < a1 && x1 > a0 && y0 < b1 && y1 > b0);
    ctx.textBaseline = 'middle';
    ctx.lineJoin = 'round';
    const place = (key: string, forced: boolean): boolean => {
      if (displayed.has(key)) return true;
      const d = sigma.getNodeDisplayData(key);
      if (!d || d.visibility === 'hidden') return true;
      const size = sigma.scaleSize(d.size);
      // The rest are smaller still; but the largest few always get theirs, so that even a whole
      // large graph at full view (where every node is drawn a few pixels wide) says what it shows.
      if (!forced && size < options.threshold && displayed.size >= MIN_LABELS) return false;
      const tone = source.style(key);
      const text = graph.getNodeAttribute(key, 'label');
      if (!tone || !text) return true;
      const p = sigma.framedGraphToViewport(d);
      const w = measure(text, tone);
      const h = tone === 'focus' ? FOCUS_SIZE + 4 : FONT_SIZE + 4;
      const [x0, y0] = [p.x + size + 3, p.y - h / 2];
      if (x0 > width || x0 + w < 0 || y0 > height || y0 + h < 0) return true;
      if (!forced && covers(x0, y0, x0 + w, y0 + h)) return true;
      placed.push([x0, y0, x0 + w, y0 + h]);
      displayed.add(key);
      ctx.font = fontOf(tone);
      if (tone === 'focus') {
        ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
        ctx.fillRect(x0 - 3, y0 - 1, w + 6, h + 2);
      } else {
        ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.lineWidth = 3;
        ctx.strokeText(text, x0, p.y);
      }
      ctx.fillStyle = COLORS[tone];
      ctx.fillText(text, x0, p.y);
      return true;
    };
    for (const key of source.forced()) place(key, true);
    // Bounded work a frame, however far the camera zoomed into a large graph.
    for (let i = 0; i < candidates.length && i < MAX_EXAMINED; i++) {
      if (displayed.size >= MAX_LABELS || !place(candidates[i], false)) break;
    }
  };

  sigma.on('afterRender', () => {
    const c = sigma.getCamera().getState();
    const camera = `${c.x},${c.y},${c.ratio},${c.angle}`;
    const moving = camera !== lastCamera && lastCamera !== '';
    lastCamera = camera;
    window.clearTimeout(settle);
    // A large graph's labels wait for the camera to stop: placing them is a frame's worth of work.
    if (moving && options.hideOnMove) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      displayed = new Set();
      settle = window.setTimeout(draw, 150);
      return;
    }
    draw();
  });
  draw();

  return {
    displayed: () => displayed,
    reindex() {
      candidates = source.candidates();
    },
  };
}
