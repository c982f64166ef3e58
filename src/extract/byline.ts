/**
 * Datelines and bylines: 本报讯（记者 李新）, 本报北京8月24日电（记者 X、Y）, 新华社北京1月4日电,
 * 本报讯记者王比学报道：, 本报记者 乔利峰 摄, （陈德生摄）.
 */
import { isHan } from './chars.js';
import { markLexicon } from './ner/lexicon-marks.js';
import { nameScore, splitNames, surnameLength } from './recognize/name-model.js';

export interface Byline {
  reporters: string[];
  correspondents: string[];
  photographers: string[];
}

export interface Dateline extends Byline {
  /** The place and date the dateline names (北京, 8月24日), when it names them. */
  place: string | null;
  date: string | null;
  /** Where the body proper starts, after the dateline and its byline. */
  end: number;
}

export function emptyByline(): Byline {
  return { reporters: [], correspondents: [], photographers: [] };
}

export function mergeByline(into: Byline, from: Byline): void {
  for (const key of ['reporters', 'correspondents', 'photographers'] as const) {
    for (const name of from[key]) if (!into[key].includes(name)) into[key].push(name);
  }
}

// An agency's or paper's dateline (本报讯, 新华社北京1月5日电, 某某网讯, 齐鲁网·闪电新闻4月20日讯, a paper's app
// with its date: 某某晚报掌上某某6月3日讯), or a paper named
// in brackets before a bracketed byline ((长江日报)(记者 X)).
const DATELINE =
  /^(?:据)?(?:本报讯|(?:本报|新华社|中新社|中新网|人民日报|人民网|央视网|新华网)(?<place>[\u4e00-\u9fff]{0,8}?)(?<date>(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?(?:讯|电|消息)|[\u4e00-\u9fff]{1,6}?(?:社|网|报|台)(?<place2>[\u4e00-\u9fff]{0,8}?)(?<date2>(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)电|[\u4e00-\u9fff][\u4e00-\u9fff/／]{1,13}?(?:讯|报道|消息)(?=[（(])|[（(][\u4e00-\u9fff]{1,10}(?:报|网|社|台)[）)](?=[（(])|(?:[\u4e00-\u9fff]{2,8}[-－—])?[\u4e00-\u9fff]{1,8}(?:网|报|台|融媒|融媒体|客户端)(?:[·•・][\u4e00-\u9fff]{1,8})?(?<date3>(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?讯|[\u4e00-\u9fff]{1,8}(?:网|报|台)[\u4e00-\u9fff]{1,8}?(?<date4>(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)讯)/;

// Role words of a byline, longest first, and which list a name after them joins.
const ROLE_WORDS: [RegExp, keyof Byline][] = [
  [/^(?:本报|(?:[·•]?[\u4e00-\u9fff][\u4e00-\u9fff·]{0,11}?(?:报|社|台|网|客户端|中心|在线|新闻)\s*)+)?(?:特约|见习|实习|首席|摄影|全媒体|全媒|融媒体|融媒)?记者[：:/／]?/, 'reporters'],
  [/^(?:特约)?通讯员[：:]?/, 'correspondents'],
  [/^实习生/, 'correspondents'],
  [/^(?:本报)?评论员/, 'reporters'],
];

// What every role word above holds.
const ROLE_WORD_ANYWHERE = /记者|通讯员|实习生|评论员/;

// The least name score of a name standing alone in a byline's brackets, where it must not be a
// common word either (（说明）, （试行）).
const NAME_ALONE_SCORE = 0.02;
const nameAlone = (n: string) => n.includes('·') || (nameScore(n) >= NAME_ALONE_SCORE && !markLexicon().words.get(n));

/** Names of a byline segment: separated by 、， or spaces, or run together (王德颖戴鹏); null if any piece is no name. */
function namesIn(segment: string): string[] | null {
  const out: string[] = [];
  for (const piece of segment.split(/[、，,\s]+/)) {
    if (!piece) continue;
    if (piece.length < 2 || ![...piece].every((ch) => isHan(ch) || ch === '·')) return null;
    if (piece.includes('·')) out.push(piece);
    else if (piece.length <= 3 && surnameLength(piece, 0) > 0) out.push(piece);
    else {
      const names = splitNames(piece);
      if (!names) return null;
      out.push(...names);
    }
  }
  return out;
}

/**
 * Parses byline text such as `记者董全磊通讯员王东方`, `本报记者王金伟`, `本报记者乔利峰摄`,
 * `新华社记者陈雁、本报记者张严报道`. Returns null when the text is not a byline.
 */
export function parseByline(text: string, namesAlone = false): Byline | null {
  // 记者 A B C 文/图 (its space perhaps gone): the writers took the pictures too, a credit of the byline as a whole.
  // (A paper's mark before its byline, □ or ■, is no part of it.)
  let rest = text.replace(/^[□■◆◇●○▲△★☆]\s*/, '').replace(/^[（(]|[）)]$/g, '').replace(/\s*(文[/／]图|图[/／]文)$/, '');
  // …报道 closes it, after the place reported from, if one (记者 A 滨州报道).
  if (/(报道|报导)[：:]?$/.test(rest)) rest = withoutPlaceReported(rest.replace(/(报道|报导)[：:]?$/, ''));
  // The site's lines written on after the names, inside the same bracket (记者/A B 编辑/C): no part of the byline.
  // (Its space may be gone: 王晨明编辑/刘琳.)
  rest = rest.replace(new RegExp(`(?:\\s+|(?<=[\\u4e00-\\u9fff]))(?:${SITE_LINE})\\s*[：:/／].*$`), '');
  const slashed = slashCredits(rest);
  if (slashed) return slashed;
  // 摄 (photographed), 绘 and 画 (drawn): the names are the picture's.
  const photo = /(摄影?|绘|画)$/.test(rest);
  if (photo) rest = rest.replace(/(摄影?|绘|画)$/, '');
  // Without a role word, a credit or names alone allowed, nothing here can be a byline: spare the name splitting.
  if (!photo && !namesAlone && !ROLE_WORD_ANYWHERE.test(rest)) return null;
  const byline = emptyByline();
  let role: keyof Byline | null = null;
  let found = false;
  while (rest.length > 0) {
    const match = ROLE_WORDS.map(([re, r]) => [rest.match(re), r] as const).find(([m]) => m);
    if (match) {
      role = match[1];
      rest = rest.slice(match[0]![0].length);
      found = true;
      continue;
    }
    // The names run to the next role word.
    const next = rest.search(/(本报|[\u4e00-\u9fff][\u4e00-\u9fff·]{0,11}?(报|社|台|网|中心|在线|新闻))?(特约|见习|实习|首席|摄影|全媒体|全媒|融媒体|融媒)?(记者|通讯员|实习生)/);
    const segment = next > 0 ? rest.slice(0, next) : rest;
    const names = namesIn(segment);
    if (!names || names.length === 0) return null;
    // Without a role word or a credit, names alone are no byline here (standaloneByline decides those).
    if (!found && !photo && !(namesAlone && names.every(nameAlone))) return null;
    byline[photo ? 'photographers' : (role ?? 'reporters')].push(...names);
    rest = next > 0 ? rest.slice(next) : '';
  }
  return byline.reporters.length + byline.correspondents.length + byline.photographers.length > 0 ? byline : null;
}

/** A byline's text without the place its reporters report from at its end (记者 A 滨州 → 记者 A), when the lexicon knows it. */
function withoutPlaceReported(text: string): string {
  const { places } = markLexicon();
  const trimmed = text.trimEnd();
  for (const length of [2, 3]) if (trimmed.length > length + 2 && places.get(trimmed.slice(-length)) !== undefined) return trimmed.slice(0, -length).trimEnd();
  return trimmed;
}

/**
 * Names credited by a slash after them (张三 李四/文 王五/图, 张三/文): writers before /文, photographers
 * before /图 or /摄; null when the text is no such credit.
 */
function slashCredits(text: string): Byline | null {
  const m = /^([^/／]+?)[/／]文(?:\s*([^/／]+?)[/／](?:图|摄影?))?$/.exec(text.trim());
  if (!m) return null;
  const reporters = namesIn(m[1]);
  const photographers = m[2] ? namesIn(m[2]) : [];
  if (!reporters?.length || !photographers || !reporters.every(nameAlone) || !photographers.every(nameAlone)) return null;
  return { ...emptyByline(), reporters, photographers };
}

/** A paragraph that is only a byline: 本报记者 王金伟; 本报记者 乔利峰 摄; （陈德生摄）; 袁建军 王云. */
export function standaloneByline(text: string, namesAlone = false): Byline | null {
  if (text.length > 24 || /[。，：；！？]/.test(text)) return null;
  const byline = parseByline(text);
  if (byline) return byline;
  // Names alone, as a column's author line: every piece must be a plausible name.
  if (namesAlone && text.length <= 12 && [...text].every(isHan) && surnameLength(text, 0) > 0) {
    const names = splitNames(text);
    if (names && names.length <= 3 && names.every((n) => nameScore(n) >= 0.15)) return { ...emptyByline(), reporters: names };
  }
  return null;
}

// An agency's byline after its dateline, behind the story's title or not, closed by a space or by
// the body's first words (…崔清新 记者从…, …崔清新记者从…):
// 新华社北京3月4日电 题：… 新华社记者 李汶羲、韩洁 记者从…
const TITLED_BYLINE = /^\s*(?:题[：:][^\n]{1,60}?\s*)?((?:[\u4e00-\u9fff]{0,10}?(?:报|社|台|网))?记者\s*[\u4e00-\u9fff·]{2,4}?(?:、[\u4e00-\u9fff·]{2,4}?)*)(?=\s|记者|[，。])/;

// An outlet's name opening a text before a bracket (哈工大全媒体（…）, 某某融媒（…）).
const OUTLET_BEFORE_BYLINE = /^[\u4e00-\u9fff]{1,12}?(?:全媒体|融媒体|融媒|新闻网|新闻|网|报|台)(?=[（(])/;

/** A byline in brackets opening a text with no dateline, with its role words (（记者 张三 通讯员 李四）…). */
function openingByline(text: string): { byline: Byline; end: number } | null {
  const paren = /^[（(]([^（）()]{2,40})[）)]/.exec(text);
  const byline = paren ? parseByline(paren[1]) : null;
  return byline ? { byline, end: paren![0].length } : null;
}

/**
 * An article opening with its reporters and the place they report from, spaces gone or not (某某网·某某新闻
 * 记者A见习记者B滨州报道…): the byline, the place (one the lexicon knows) and where the body starts.
 */
function reportedFrom(text: string): { byline: Byline; place: string; end: number } | null {
  const head = /^[\u4e00-\u9fff·\s]{0,14}?(?:记者|通讯员)[\u4e00-\u9fff·\s]{2,40}?报道/.exec(text);
  if (!head) return null;
  const before = head[0].slice(0, -2).trimEnd();
  const { places } = markLexicon();
  for (const length of [2, 3]) {
    const place = before.slice(-length);
    if (places.get(place) === undefined) continue;
    const byline = parseByline(before.slice(0, -length).trim());
    if (byline) return { byline, place, end: head[0].length + (/^[\s：:]/.exec(text.slice(head[0].length))?.[0].length ?? 0) };
  }
  return null;
}

/** The dateline at the start of an article's first paragraph, with the byline that follows it. */
export function parseDateline(text: string): Dateline | null {
  const m = DATELINE.exec(text);
  if (!m) {
    // A crawled article may open with its byline alone: （记者 张三 通讯员 李四）…, or after its outlet's
    // name (某某全媒体（张三/文 李四/图）…).
    const outlet = OUTLET_BEFORE_BYLINE.exec(text)?.[0].length ?? 0;
    const opening = openingByline(text.slice(outlet));
    if (opening) return { ...opening.byline, place: null, date: null, end: outlet + opening.end };
    // An outlet's reporters and the place they report from, then the body (某某网·某某新闻记者 A 见习记者 B 滨州报道 …).
    const from = reportedFrom(text);
    if (from) return { ...from.byline, place: from.place, date: null, end: from.end };
    // 记者 X 报道：… without 本报讯 also opens an article.
    const bare = /^(?:本报)?记者[\u4e00-\u9fff、·]{2,12}?报道[：:]/.exec(text);
    if (!bare) return null;
    const byline = parseByline(bare[0].replace(/[：:]$/, '')) ?? emptyByline();
    return { ...byline, place: null, date: null, end: bare[0].length };
  }
  let end = m[0].length;
  let byline = emptyByline();
  // A site's dateline may say whose report it carries before the byline (…讯 据某某日报报道 （记者 X）).
  const carried = /^\s*据[\u4e00-\u9fff·]{2,12}?(?:报道|消息)\s*(?=[（(])/.exec(text.slice(end));
  if (carried) end += carried[0].length;
  const paren = /^[（(【]([^）)】]{1,40})[）)】]/.exec(text.slice(end));
  if (paren) {
    // After an agency's or a site's dateline, names alone in brackets are its reporters (新华社长沙1月20日电（赵雨杉）,
    // 某某网眉山2月10日讯(尹森林)).
    byline = parseByline(paren[1], /[电讯]$/.test(m[0])) ?? byline;
    end += paren[0].length;
  } else {
    const reported = /^([\u4e00-\u9fff、·]{2,30}?)报道[：:]/.exec(text.slice(end));
    const titled = TITLED_BYLINE.exec(text.slice(end));
    if (reported) {
      byline = parseByline(reported[1]) ?? byline;
      end += reported[0].length;
    } else if (titled) {
      byline = parseByline(titled[1]) ?? byline;
      end += titled[0].length;
    }
  }
  return { ...byline, place: m.groups?.place || m.groups?.place2 || null, date: m.groups?.date ?? m.groups?.date2 ?? m.groups?.date3 ?? m.groups?.date4 ?? null, end };
}

// Credit lines of crawled articles, at their end: who wrote and photographed, and the site's own
// lines (editor, source, reviewer), which name no one in the story.
const CREDIT_ROLE: Record<string, (keyof Byline)[]> = {
  '文/图': ['reporters', 'photographers'], '图/文': ['reporters', 'photographers'], 图文: ['reporters', 'photographers'], 文字: ['reporters'], 文: ['reporters'], 图: ['photographers'],
  摄影: ['photographers'], 摄像: ['photographers'], 撰稿: ['reporters'], 供稿: ['reporters'], 作者: ['reporters'], 记者: ['reporters'], 通讯员: ['correspondents'],
};
// (…and a platform account's line, 上观号作者: the account, no writer.)
const SITE_LINE = '供稿单位|来稿单位|责任编辑|责编|编辑|审核|审校|校对|终审|初审|复审|一审|二审|三审|来源|稿源|出处|监制|统筹|[\u4e00-\u9fff]{1,6}号作者';
// A credit opens the line; later credits of the same line need their colon (撰稿：刘明摄影：黄海).
const FIRST_CREDIT = new RegExp(`^[（(【]?(${SITE_LINE}|文[/／]图|图[/／]文|图文|文字|摄影|摄像|撰稿|供稿|作者|记者|通讯员|文|图)\\s*[：:／/|丨︱｜]?\\s*`);
// …or their spaces around them (供稿 赵军 摄影 罗云帆), or for 摄影 nothing, once spaces are gone (供稿赵军摄影罗云帆).
const NEXT_CREDIT = new RegExp(`\\s*(${SITE_LINE}|文[/／]图|摄影|摄像|撰稿|供稿|作者|记者|通讯员|文|图)\\s*[：:︱｜|丨]\\s*|\\s+(?:(文[/／]图|摄影|摄像|撰稿|供稿|作者|记者|通讯员))\\s+|(?<=[\\u4e00-\\u9fff])(摄影|摄像)(?=[\\u4e00-\\u9fff])`, 'g');

/**
 * A credit line: `文/图 张三`, `撰稿：李四 摄影：王五`, `记者：王五 通讯员：赵六` give a byline;
 * `责任编辑：…`, `来源：…`, `审核：…` are the site's lines (an empty byline). Null when the line is
 * no credit line, or a writer's credit names no one.
 */
export function creditLine(text: string): Byline | null {
  const line = creditForms(text.trim().replace(/[）)】]$/, '').replace(/\s{2,}/g, ' ').trim());
  if (line.length > 48 || /[。！？]$/.test(line)) return null;
  const first = FIRST_CREDIT.exec(line);
  if (!first) return null;
  const credits: [string, string][] = [];
  let role = first[1];
  let from = first[0].length;
  NEXT_CREDIT.lastIndex = from;
  for (let m = NEXT_CREDIT.exec(line); ; m = NEXT_CREDIT.exec(line)) {
    credits.push([role.replace('／', '/'), line.slice(from, m ? m.index : line.length)]);
    if (!m) break;
    role = m[1] ?? m[2] ?? m[3];
    from = m.index + m[0].length;
  }
  const byline = emptyByline();
  for (const [r, value] of credits) {
    const roles = CREDIT_ROLE[r];
    // The site's own line, or a form's empty field (来源: 作者:  责任编辑:X).
    if (!roles || (value.trim() === '' && credits.length > 1)) continue;
    const names = namesIn(withoutAffiliation(value.trim()));
    if (!names || names.length === 0) return null;
    for (const key of roles) for (const n of names) if (!byline[key].includes(n)) byline[key].push(n);
  }
  return byline;
}

/**
 * Other ways sites write the same credits, in the forms creditLine reads: 文、图/X and 撰稿、摄影:X (文/图 X),
 * 文/图 记者 X (文/图 X), 文/编辑 by X
 * (文：X, the writer edited it too), 图片 by Y (图：Y).
 */
function creditForms(line: string): string {
  return line
    .replace(/^([（(]?)(?:文、图|图、文|(?:撰稿|文字)、(?:摄影|图片))\s*[/／]?\s*/, '$1文/图 ')
    // 文/图 记者 X: the role word after the credit says no more than the credit.
    .replace(/^([（(]?(?:文[/／]图|图[/／]文)\s*[：:]?\s*)(?:本报|特约|见习|首席|全媒体|融媒体)?记者\s*/, '$1')
    .replace(/^([（(]?)文[/／]编辑/, '$1文')
    .replace(/^([（(]?)图片(?=\s|[：:]|by)/i, '$1图')
    .replace(/\s*\bby\b\s*/gi, '：')
    // Credits parted by semicolons (记者:A;摄影:B).
    .replace(/\s*[;；]\s*(?=(?:文字|摄影|摄像|撰稿|供稿|作者|记者|通讯员|编辑|责任编辑|来源)\s*[：:])/g, ' ');
}

/** A byline in brackets closing a paragraph (…。（记者 张伟 通讯员 李娜）): the byline and where it starts. */
export function closingByline(text: string): { byline: Byline; start: number } | null {
  // …and the site's lines written on after it (（记者 张伟）责任编辑：李四).
  const m = new RegExp(`[（(]([^（）()]{2,40})[）)]\\s*(?:(?:${SITE_LINE})\\s*[：:].*)?$`).exec(text);
  if (!m) return null;
  const inner = m[1].trim();
  const byline = parseByline(inner) ?? namesOnly(inner) ?? creditLine(inner);
  return byline ? { byline, start: m.index } : null;
}

// Where a writer works, before the names in a closing bracket (（西王镇 周雷）): a body or a place.
const AFFILIATION_END = /(?:镇|乡|村|街道|社区|区|县|市|局|委|办|所|站|院|校|社|部|厅|处|科|室|馆|队|中心|公司|集团)$/;

/**
 * A photo credit in brackets closing a caption (会议现场（集团总部 伍晖摄）, （陈德生摄）): the photographers,
 * after the unit they work for, and where the bracket starts.
 */
export function bracketedPhotoCredit(text: string): { byline: Byline; start: number } | null {
  const m = /[（(]([^（）()]{2,24}?)摄影?[）)]$/.exec(text);
  if (!m) return null;
  const names = namesIn(withoutAffiliation(m[1].trim()));
  if (!names || names.length === 0 || names.length > 3 || !names.every(nameAlone)) return null;
  return { byline: { ...emptyByline(), photographers: names }, start: m.index };
}

/** A credit's names without the body or place the writer works for before them (侨务工作处 任国英 → 任国英). */
function withoutAffiliation(value: string): string {
  const pieces = value.split(/\s+/).filter(Boolean);
  if (pieces.length > 1) return AFFILIATION_END.test(pieces[0]) && !(pieces[0].length <= 3 && nameScore(pieces[0]) >= 0.05) ? pieces.slice(1).join(' ') : value;
  // Run together once spaces between Chinese characters are gone (侨务工作处任国英): a name of two or
  // three characters after the body's ending.
  for (const length of [3, 2]) {
    const body = value.slice(0, -length);
    if (body.length >= 3 && AFFILIATION_END.test(body) && nameAlone(value.slice(-length))) return value.slice(-length);
  }
  return value;
}

/**
 * The names alone in the bracket that closes an article (（徐洋）, （孙南 陈莹莹）, （西王镇 周雷）): its
 * writers. Names run together (许平张毅) are left alone: a split would be a guess.
 */
function namesOnly(inner: string): Byline | null {
  if (inner.length > 16) return null;
  const pieces = withoutAffiliation(inner).split(/[\s、，,]+/).filter(Boolean);
  const names = namesIn(pieces.join('、'));
  if (!names || names.length !== pieces.length || names.length > 4) return null;
  if (!names.every(nameAlone)) return null;
  return { ...emptyByline(), reporters: names };
}
