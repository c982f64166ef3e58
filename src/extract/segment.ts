/**
 * segment: from a page's paragraphs to articles.
 *
 * A page dump prints each article's body first and its headline (and subtitle) after it; an article
 * starts at a dateline (本报讯, 本报北京8月24日电, 新华社…电) or, without one, right after the previous
 * article's headline. Photo captions end with a credit (本报记者 X 摄), sidebars are lists of bullets,
 * and a headline-like paragraph inside a long article may be a section heading rather than the end of it.
 */
import { codeSet, lastIndexWhere, SENTENCE_END } from './chars.js';
import { bracketedPhotoCredit, closingByline, creditLine, emptyByline, mergeByline, parseDateline, standaloneByline, type Byline } from './byline.js';
import type { Paragraph } from './normalize.js';
import type { ArticleKind } from './types.js';

// Where a caption's sentence ends, before the credit that closes its line.
const isSentenceEnd = codeSet(SENTENCE_END);

export interface ArticleDraft {
  kind: ArticleKind;
  headline: string | null;
  subtitle: string | null;
  /** Body paragraphs, the dateline paragraph included. */
  paragraphs: string[];
  /** Length of the dateline and byline at the start of the first paragraph (not body text). */
  bylineLength: number;
  /** Where the credits closing the article start in the joined paragraphs (…（记者 张伟）, 责任编辑：…), or null. */
  creditsFrom: number | null;
  /** Photo credits on lines of their own inside the body (湖北日报全媒记者 陈迹 摄), as offsets in the joined paragraphs. */
  creditLines: { start: number; end: number }[];
  byline: Byline;
  dateline: { place: string | null; date: string | null } | null;
}

type ParagraphClass = 'dateline' | 'byline' | 'credit' | 'bullet' | 'headline' | 'body';

interface Classified {
  p: Paragraph;
  cls: ParagraphClass;
  byline?: Byline;
}

const BULLET = /^[●▲■◆★◇□○△▼►◎]/;

function endsSentence(text: string): boolean {
  const t = text.replace(/[”’」』）)]+$/, '');
  return SENTENCE_END.includes(t[t.length - 1]);
}

export function looksLikeHeadline(p: Paragraph): boolean {
  // A subtitle line opening with —— does not count against the headline's length.
  const dash = p.lineTexts.findIndex((l, i) => i > 0 && /^——/.test(l));
  const t = dash > 0 ? p.lineTexts.slice(0, dash).join('') : p.text;
  if (t.length > 48 || p.lines > 3) return false;
  if (endsSentence(t) || /[，、：；]$/.test(t)) return false;
  // A sentence stop inside means prose, unless it sits inside a quoted or bracketed title.
  const unquoted = t.replace(/“[^”]*”|《[^》]*》|（[^）]*）/g, '');
  return !/[。！？]/.test(unquoted);
}

function classify(p: Paragraph, next: Paragraph | undefined): Classified {
  const t = p.text;
  if (BULLET.test(t)) return { p, cls: 'bullet' };
  if (parseDateline(t)) return { p, cls: 'dateline' };
  // Names alone (袁建军王云) are a byline only where an undated body follows them.
  const bodyFollows = next !== undefined && !looksLikeHeadline(next) && !parseDateline(next.text);
  const byline = standaloneByline(t, bodyFollows);
  if (byline) return { p, cls: byline.photographers.length > 0 ? 'credit' : 'byline', byline };
  if (looksLikeHeadline(p)) return { p, cls: 'headline' };
  return { p, cls: 'body' };
}

/** Character bigrams shared by a and b, over the bigrams of a. */
function overlap(a: string, b: string): number {
  const grams = new Set<string>();
  for (let i = 0; i + 1 < a.length; i++) grams.add(a.slice(i, i + 2));
  if (grams.size === 0) return 0;
  let shared = 0;
  for (const g of grams) if (b.includes(g)) shared++;
  return shared / grams.size;
}

/** Splits a headline group into headline and subtitle; a line opening with —— is a subtitle. */
function headlineParts(group: Paragraph[]): { headline: string; subtitle: string | null } {
  const lines: string[] = [];
  for (const p of group) {
    const dash = p.lineTexts.findIndex((l, i) => i > 0 && /^——/.test(l));
    if (dash > 0) {
      lines.push(p.lineTexts.slice(0, dash).join(''), p.lineTexts.slice(dash).join(''));
    } else lines.push(p.text);
  }
  return { headline: lines[0], subtitle: lines.length > 1 ? lines.slice(1).join(' ') : null };
}

function newDraft(kind: ArticleKind = 'article'): ArticleDraft {
  return { kind, headline: null, subtitle: null, paragraphs: [], bylineLength: 0, creditsFrom: null, creditLines: [], byline: emptyByline(), dateline: null };
}

/** Splits a page into articles. */
export function segmentPage(paragraphs: Paragraph[]): ArticleDraft[] {
  const items = paragraphs.map((p, i) => classify(p, paragraphs[i + 1]));
  const drafts: ArticleDraft[] = [];
  /** The article whose body is being read; null after a headline closed it. */
  let open: ArticleDraft | null = null;
  let openHasDateline = false;
  /** A standalone byline waiting for the article that follows it. */
  let pendingByline: Byline | null = null;
  /** Headlines printed before any body: they belong to the next article (a kicker) or nowhere. */
  const orphans: string[] = [];

  const start = (kind: ArticleKind = 'article'): ArticleDraft => {
    const draft = newDraft(kind);
    if (pendingByline) mergeByline(draft.byline, pendingByline);
    pendingByline = null;
    drafts.push(draft);
    return draft;
  };

  for (let i = 0; i < items.length; i++) {
    const { p, cls } = items[i];
    switch (cls) {
      case 'dateline': {
        const d = parseDateline(p.text)!;
        open = start();
        openHasDateline = true;
        open.paragraphs.push(p.text);
        open.bylineLength = d.end;
        open.dateline = { place: d.place, date: d.date };
        mergeByline(open.byline, d);
        break;
      }
      case 'body': {
        if (!open || open.kind === 'sidebar') {
          open = start();
          openHasDateline = false;
        }
        open.paragraphs.push(p.text);
        break;
      }
      case 'bullet': {
        if (!open || open.kind !== 'sidebar') {
          open = start('sidebar');
          if (orphans.length) open.headline = orphans.pop()!;
        }
        open.paragraphs.push(p.text);
        break;
      }
      case 'credit': {
        // A caption is the short body just before its credit.
        const target = open ?? drafts[drafts.length - 1];
        if (target) {
          if (target.paragraphs.length <= 2 && !openHasDateline) target.kind = 'photo';
          mergeByline(target.byline, items[i].byline!);
        }
        break;
      }
      case 'byline': {
        // Forward to the body that follows it, else back to the article just closed.
        const next = items[i + 1];
        if (next && next.cls === 'body') pendingByline = items[i].byline!;
        else {
          const target = open ?? drafts[drafts.length - 1];
          if (target) mergeByline(target.byline, items[i].byline!);
        }
        break;
      }
      case 'headline': {
        let j = i;
        const group: Paragraph[] = [];
        while (j < items.length && items[j].cls === 'headline') group.push(items[j++].p);
        const after = items[j];
        if (open && open.kind === 'sidebar') {
          open.paragraphs.push(...group.map((g) => g.text));
        } else if (open && open.paragraphs.length > 0) {
          const body = open.paragraphs.join('');
          const nextText = after && after.cls === 'body' ? after.p.text + (items[j + 1]?.p.text ?? '') : '';
          const closes =
            openHasDateline ||
            open.kind === 'photo' ||
            group.length >= 2 ||
            !after ||
            after.cls !== 'body' ||
            overlap(group[0].text, body.slice(-400)) > overlap(group[0].text, nextText.slice(0, 400));
          if (closes) {
            const { headline, subtitle } = headlineParts(group);
            open.headline = headline;
            open.subtitle = subtitle;
            open = null;
            openHasDateline = false;
          } else {
            // A section heading inside the article.
            open.paragraphs.push(...group.map((g) => g.text));
          }
        } else {
          orphans.push(...group.map((g) => g.text));
        }
        i = j - 1;
        break;
      }
    }
  }
  attachOrphanHeadlines(drafts, orphans);
  return drafts.filter((d) => d.paragraphs.length > 0);
}

/** A photo whose headline was printed far from it takes the orphan headline that shares its words. */
function attachOrphanHeadlines(drafts: ArticleDraft[], orphans: string[]): void {
  for (const draft of drafts) {
    if (draft.headline || draft.kind !== 'photo') continue;
    const caption = draft.paragraphs.join('');
    let best = -1;
    let bestScore = 0;
    orphans.forEach((o, k) => {
      const s = overlap(o, caption);
      if (s > bestScore) [best, bestScore] = [k, s];
    });
    if (best >= 0) draft.headline = orphans.splice(best, 1)[0];
  }
}

/** A writer's credit on the line before the body (作者:张三, 撰稿：李四): the credit, else null. */
function leadCredit(text: string): Byline | null {
  if (!/^(作者|撰稿|文|供稿)\s*[：:]/.test(text)) return null;
  const credit = creditLine(text);
  return credit && credit.reporters.length > 0 ? credit : null;
}

/** A crawled article is one article already: read its dateline and byline, keep its title. */
export function segmentRecord(paragraphs: Paragraph[], title: string | undefined): ArticleDraft {
  const draft = newDraft();
  draft.headline = title?.trim() || null;
  let texts = paragraphs.map((p) => p.text);
  // A lone byline line before the body (本报记者 王金伟), or a writer's credit there (作者:张三).
  const lead = texts.length > 1 ? (standaloneByline(texts[0]) ?? leadCredit(texts[0])) : null;
  if (lead) {
    mergeByline(draft.byline, lead);
    texts = texts.slice(1);
  }
  // The title and a deck repeated above the dateline (黄华华会见…⏎三句“离不开”…⏎本报讯（记者…）):
  // the deck is the subtitle, and the article starts at its dateline.
  const datelines = texts.slice(0, 3).map((t) => parseDateline(t));
  const opening = datelines.findIndex((x) => x !== null);
  let d = opening === 0 ? datelines[0] : null;
  if (opening > 0 && texts.slice(0, opening).every((t) => t.length <= 60 && !/[。！？]/.test(t))) {
    const deck = texts.slice(0, opening).filter((t) => t !== draft.headline);
    draft.subtitle = deck.join(' ') || null;
    texts = texts.slice(opening);
    d = datelines[opening];
  }
  if (d) {
    mergeByline(draft.byline, d);
    draft.bylineLength = d.end;
    draft.dateline = { place: d.place, date: d.date };
  }
  draft.paragraphs = texts;
  draft.creditsFrom = closingCredits(texts, draft.byline);
  // A photo credit on a line of its own under a picture (湖北日报全媒记者 陈迹 摄), or closing a caption
  // (座谈会现场。记者 王雪梅 摄; 会议现场（集团总部 伍晖摄）).
  let at = 0;
  for (const t of texts) {
    const tail = /摄影?$/.test(t) ? t.slice(lastIndexWhere(t, isSentenceEnd, t.length - 1) + 1) : '';
    const credit = tail.length > 0 && tail.length <= 24 ? standaloneByline(tail) : null;
    // …or a caption's credit in brackets (会议现场（集团总部 伍晖摄）).
    const bracketed = credit || !/摄影?[）)]$/.test(t) ? null : bracketedPhotoCredit(t);
    if (credit) {
      mergeByline(draft.byline, credit);
      draft.creditLines.push({ start: at + t.length - tail.length, end: at + t.length });
    } else if (bracketed) {
      mergeByline(draft.byline, bracketed.byline);
      draft.creditLines.push({ start: at + bracketed.start, end: at + t.length });
    }
    at += t.length + 1;
  }
  return draft;
}

/**
 * Where the credits a crawled article ends with start, in the paragraphs joined by line breaks:
 * credit lines (文/图 张三, 责任编辑：李四, 来源：…) and a bracketed byline closing the last paragraph
 * (…。（记者 张伟 通讯员 李娜）). Their names join the byline; the text stays as it is, so offsets hold.
 */
function closingCredits(texts: string[], byline: Byline): number | null {
  let from: number | null = null;
  let last = texts.length - 1;
  let end = texts.join('\n').length;
  for (; last > 0; last--) {
    // A rule of dots or dashes, an end mark (END, （完）) or an empty line between the body and its
    // credits is part of the credits; so is a reporters' line (新安晚报 安徽网 大皖客户端记者 王吉祥 项磊).
    const credit = /^([.。…·\-—_=*\s]*|END|完|[（(]完[）)])$/i.test(texts[last].trim())
      ? emptyByline()
      : (creditLine(texts[last]) ?? (texts[last].length <= 40 ? standaloneByline(texts[last]) : null));
    if (!credit) break;
    mergeByline(byline, credit);
    end -= texts[last].length + 1;
    from = end + 1;
  }
  const closing = last >= 0 ? closingByline(texts[last]) : null;
  if (closing) {
    mergeByline(byline, closing.byline);
    from = end - texts[last].length + closing.start;
  }
  return from;
}
