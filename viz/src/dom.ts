/**
 * Building DOM without HTML strings. Text from articles (names, headlines, sentences) only ever
 * becomes text nodes here, so a name like `<img onerror=…>` is shown, never run.
 */
export type Child = Node | string | number | null | undefined | false;

interface Props {
  class?: string;
  title?: string;
  type?: string;
  value?: string;
  /** Attributes set with setAttribute; `on…` attributes are refused (handlers go in `on`). */
  attrs?: Record<string, string>;
  on?: Partial<{ [E in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[E]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.title) el.title = props.title;
  if (props.type) el.setAttribute('type', props.type);
  if (props.value !== undefined) (el as HTMLInputElement).value = props.value;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (/^on/i.test(name)) throw new Error(`h(): event handler attribute ${name}; use props.on`);
    el.setAttribute(name, value);
  }
  for (const [event, handler] of Object.entries(props.on ?? {})) el.addEventListener(event, handler as EventListener);
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's contents. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An SVG element, as h() builds HTML ones: attributes set one by one (`on…` refused), children as
 * text nodes, so a name drawn in a chart is text, never markup.
 */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name)) throw new Error(`svg(): event handler attribute ${name}; use addEventListener`);
    el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}
