/** Minimal types for the parts of nlp.js v4 used here (the packages ship none). CommonJS: use default imports. */

declare module '@nlpjs/core' {
  export interface Container {
    use(item: unknown, name?: string, isSingleton?: boolean, onlyIfNotExists?: boolean): string;
    get(name: string, settings?: unknown): any;
    register(name: string, clazz: unknown, isSingleton?: boolean): void;
  }
  const core: {
    containerBootstrap(settings?: unknown): Promise<Container>;
    defaultContainer: Container;
    Container: new (...args: unknown[]) => Container;
  };
  export default core;
}

declare module '@nlpjs/lang-zh' {
  const langZh: {
    LangZh: new () => { register(container: unknown): void };
    TokenizerZh: new (container?: unknown, shouldNormalize?: boolean) => { tokenize(text: string, normalize?: unknown): string[] };
  };
  export default langZh;
}

declare module '@nlpjs/ner' {
  export interface NerEntity {
    start: number;
    /** Inclusive. */
    end: number;
    len: number;
    accuracy: number;
    entity: string;
    type: 'enum' | 'regex' | 'trim' | string;
    option?: string;
    sourceText: string;
    utteranceText: string;
    levenshtein?: number;
  }
  export interface NerInput {
    locale?: string;
    text?: string;
    utterance?: string;
    /** Fuzzy-match threshold for enum entities, 0.8 by default; 1 switches to exact matching. */
    threshold?: number;
    [key: string]: unknown;
  }
  export interface NerOutput extends NerInput {
    entities: NerEntity[];
  }
  export class Ner {
    constructor(settings?: { container?: unknown; threshold?: number; tag?: string; [key: string]: unknown }, container?: unknown);
    addRuleOptionTexts(locale: string | string[], name: string, option: string, texts?: string | string[]): void;
    removeRuleOptionTexts(locale: string | string[], name: string, option: string, texts?: string | string[]): void;
    addRegexRule(locale: string | string[], name: string, regex: RegExp | string): void;
    addBetweenCondition(locale: string | string[], name: string, left: string | string[], right: string | string[], options?: unknown): void;
    process(input: NerInput, consideredEntities?: string[]): Promise<NerOutput>;
    toJSON(): unknown;
    fromJSON(json: unknown): void;
  }
  const ner: { Ner: typeof Ner };
  export default ner;
}
