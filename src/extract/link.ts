/**
 * link: title chains to posts with resolved organizations.
 *
 * 哈密市委常委、宣传部部长吾尔叶提·吾守尔 is read right to left from the name: 部长 of 宣传部, then (after
 * 、) 常委 of 哈密市委; a bare department inherits the committee of the item before it (哈密市委宣传部).
 * A post with no organization takes the one it implies in the paper's home (副市长 → 许昌市人民政府).
 * A list shares the chain of its first member (中央军委委员常万全、房峰辉).
 */
import { codeSet, indexWhere, isHan, lastIndexWhere } from './chars.js';
import { lexicon } from './lexicon/index.js';
import { markLexicon } from './ner/lexicon-marks.js';
import { homeAt, orgMention, resolveOrg, townshipEndingAt, type OrgMention } from './recognize/organizations.js';
import { postedCity, visitAbbreviation } from './recognize/place-abbreviations.js';
import type { PersonMention, PostMention } from './recognize/persons.js';
import type { Home, PlaceMention } from './recognize/places.js';
import type { TitleOut } from './types.js';

// The organization a post implies when the text names none (the level word is the home's).
const IMPLIED: [RegExp, (home: Home | null) => string | null][] = [
  [/^(常务)?(副|代理?)?市长$/, (h) => (homeAt('市', h) ? resolveOrg('市政府', h) : null)],
  [/^(常务)?(副|代理?)?省长$/, (h) => (homeAt('省', h) ? resolveOrg('省政府', h) : null)],
  [/^(常务)?(副|代理?)?县长$/, (h) => (homeAt('县', h) ? resolveOrg('县政府', h) : null)],
  [/^(常务)?(副|代理?)?区长$/, (h) => (homeAt('区', h) ? resolveOrg('区政府', h) : null)],
  [/^(常务)?(副|代理?)?州长$/, (h) => (homeAt('州', h) ? resolveOrg('州政府', h) : null)],
  [/^(常务)?(副|代理?)?旗长$/, (h) => (homeAt('旗', h) ? resolveOrg('旗政府', h) : null)],
  [/^(副|代理?)?镇长$/, (h) => (homeAt('镇', h) ? resolveOrg('镇政府', h) : null)],
  [/^(副|代理?)?乡长$/, (h) => (homeAt('乡', h) ? resolveOrg('乡政府', h) : null)],
  [/^(常务)?副?校长$/, (h) => h?.local?.institution ?? null],
  // 院长 is a school's in a university's news, a hospital's, an academy's or a court's in its own; 所长 an institute's.
  [/^(常务)?副?院长$/, (h) => h?.local?.college ?? headedInstitution(h, /(医院|保健院|卫生院|研究院|法院)$/)],
  [/^(常务)?副?检察长$/, (h) => headedInstitution(h, /检察院$/)],
  [/^(常务)?副?所长$/, (h) => headedInstitution(h, /研究所$/)],
  [/^总书记$/, () => '中共中央'],
  [/^国家副?主席$/, () => '中华人民共和国'],
  [/^副?总理$|^国务委员$/, () => '国务院'],
  [/^副?委员长$/, () => '全国人民代表大会常务委员会'],
  [/^副?审计长$/, () => '中华人民共和国审计署'],
];

/** The institution whose news this is, when its name ends as `kind` says (a hospital, an institute). */
function headedInstitution(home: Home | null, kind: RegExp): string | null {
  const institution = home?.local?.institution ?? null;
  return institution && kind.test(institution) ? institution : null;
}

// The heads of institutions, whom the outlet's own news may name bare (院长, 副检察长).
const INSTITUTION_HEAD = /^(常务)?副?(院长|所长|校长|检察长)$/;

// The head of a level's government and its deputies (县长, 常务副市长, 代理镇长).
const GOVERNMENT_HEAD = /^(常务)?(副|代理?)?[省市县区州镇乡旗]长$/;

// Head posts a story writes after a name to address its holder (许瑞明所长, 张三市长, 李四董事长).
const HEAD_POST = /(长|书记|主任|主席|总经理|经理|总裁)$/;

export interface LinkedTitle extends TitleOut {
  /** Where the chain item starts in the text (its organization, or its post). */
  start: number;
}

/** A chain item. Every one is made here, so that all have one shape (see entitySpan in ner/labels.ts). */
function linkedTitle(title: string, organization: string | null, start: number): LinkedTitle {
  return { title, organization, start };
}

// A body's party unit, written after the body and before its post (县人武部党委第一书记, 市教育局党组成员).
// 机关党组 and 机关党委 are the party units of a body's own offices (市人大常委会机关党组成员).
const PARTY_UNIT = /^(机关)?(党委|党组|党工委)$/;

/** The party unit of a body that ends right before a post, as an organization of its own (县人武部 + 党委). */
function partyUnitBefore(text: string, postStart: number, orgs: OrgMention[]): OrgMention | null {
  const body = orgs.find((o) => o.end < postStart && postStart - o.end <= 5 && PARTY_UNIT.test(text.slice(o.end, postStart)));
  if (!body) return null;
  const unit = text.slice(body.end, postStart);
  return orgMention({ start: body.start, end: postStart, text: body.text + unit, resolved: body.resolved + unit, system: body.system, whole: body.whole, media: body.media, doubtful: body.doubtful });
}

// A level's own body in a body's name, and its level (弋江区纪委 → 区, 中共某县委 → 县, 弋江区委统战部 → 区).
const LEVEL_OF_BODY = /([省市县区旗])(?:委|纪委|人大常委会|人大|政协|人民政府|政府)/;

/** The chain of posts that ends right before `personStart`. */
export function titleChain(
  text: string,
  personStart: number,
  postsByEnd: Map<number, PostMention>,
  orgs: OrgMention[],
  home: Home | null,
  places: Map<number, PlaceMention> = new Map(),
  carried: PlaceMention | null = null,
  listTownship: string | null = null,
): LinkedTitle[] {
  // `held`: where a post whose body the text does not name is held: in the body of the post before
  // 兼, or in a body the text calls only by a word for it (公司, 集团, 机关, 办事处).
  // `offices`: the post is of the body's offices' party unit (市委统战部|机关|党委书记).
  // `mission`: a diplomat's embassy or consulate, named by the posting (美国驻沈阳|总领事 → 美国驻沈阳总领事馆).
  const items: { title: string; org: OrgMention | null; start: number; place: PlaceMention | null; held?: 'as-before-jian' | UnnamedBody; offices?: true; mission?: string }[] = [];
  let pos = personStart;
  for (;;) {
    // 副部长兼首席兽医师X: the post after 兼 is one the lexicon lacks; the chain goes on before 兼.
    const unread = pos === personStart && !postsByEnd.has(pos) && postEnding(text[pos - 1]) ? afterJian(text, pos, postsByEnd) : -1;
    if (unread >= 0) {
      items.unshift({ title: text.slice(unread, pos), org: null, start: unread, place: null, held: 'as-before-jian' });
      pos = unread - 1;
      continue;
    }
    // A note in brackets between the chain and the name (办事处副主任（主持工作）X) is stepped over.
    const note = pos === personStart && !postsByEnd.has(pos) ? /（[^（）、，。]{1,8}）$/.exec(text.slice(Math.max(0, pos - 10), pos)) : null;
    if (note && postsByEnd.has(pos - note[0].length)) pos -= note[0].length;
    // A nominee's post (副市长提名人选X) is none he holds: the chain before it is read on.
    const nominated = text.startsWith('提名人选', pos - 4) ? postsByEnd.get(pos - 4) : undefined;
    if (nominated) {
      if (text[nominated.start - 1] !== '、' && text[nominated.start - 1] !== '，') break;
      pos = nominated.start - 1;
      continue;
    }
    const post = postsByEnd.get(pos);
    if (!post) break;
    // 副部长兼国际贸易谈判副代表X: a post the lexicon has, with words of its own before it, after 兼.
    const qualified = orgs.some((o) => o.end === post.start) ? -1 : afterJian(text, post.start, postsByEnd);
    if (qualified >= 0 && qualified < post.start) {
      items.unshift({ title: post.title, org: null, start: qualified, place: null, held: 'as-before-jian' });
      pos = qualified - 1;
      continue;
    }
    // The body ends right before the post, or inside it, as in 教育部长 (教育部 + 部长), or stands
    // before 原 or 前 (市委原副书记: a former post in that body).
    const org =
      orgs.find(
        (o) =>
          o.end === post.start ||
          (o.end === post.start + 1 && text[o.end - 1] === post.title[0]) ||
          (o.end === post.start - 1 && /[原前]/.test(text[o.end])) ||
          // …or before 机关 and a post of its offices' party unit (市人大常委会|机关|党组成员).
          (o.end === post.start - 2 && text.startsWith('机关', o.end) && /^(党组|党委)/.test(post.title)),
      ) ??
      partyUnitBefore(text, post.start, orgs);
    // A diplomat posted from one country to a place (日本驻华大使, 美国驻沈阳总领事): the mission is the body.
    const mission = org ? null : missionBefore(text, post);
    if (mission) {
      items.unshift({ title: post.title, org: null, start: mission.start, place: null, mission: mission.name });
      break;
    }
    // A division right before a post names where it is held (黄山市|市长, 许昌市|副市长).
    const place = org ? null : (places.get(post.start) ?? null);
    // …and a township its head's (银涂镇|镇长): its government; a division's delegation its head's (大理代表团|团长).
    const township = org || place ? null : (townshipGovernment(text, post) ?? delegationBefore(text, post, places));
    // 公司 or 集团 written bare before a post (…副总经理，公司党委书记X), or 机关 before its party unit's
    // (…研究室主任、机关党组成员X): a body the text does not name.
    const bare = org || place ? undefined : (UNNAMED_BODY.exec(text.slice(Math.max(0, post.start - 3), post.start))?.[1] as UnnamedBody | undefined);
    const unnamed = bare !== undefined && (bare !== '机关' || /^(党组|党委)/.test(post.title)) ? bare : undefined;
    const start = org ? org.start : township ? township.start : place ? place.start : unnamed ? post.start - unnamed.length : post.start;
    const offices = org !== null && org.end === post.start - 2 && text.startsWith('机关', org.end);
    items.unshift({ title: post.title, org: org ?? township, start, place, ...(unnamed ? { held: unnamed } : {}), ...(offices ? { offices } : {}) });
    // Posts of one chain are parted by 、 or joined by 兼 (党委副书记兼副院长), and by ， where a post ends
    // right before it (县委常委、组织部部长，县委党校校长X).
    const comma = text[start - 1] === '，' && postsByEnd.has(start - 1) && chainOnly(text, start - 1);
    if (text[start - 1] !== '、' && text[start - 1] !== '兼' && !comma) break;
    pos = start - 1;
  }
  const { orgBodies } = lexicon();
  const out: LinkedTitle[] = [];
  let parent: string | null = null;
  // The division a chain names carries to its later posts (黄山市委常委、副市长 → 黄山市人民政府), and
  // one named in the chain before it in the sentence to a chain that names none (安徽省委书记A，省委副书记B).
  let chainPlace: PlaceMention | null = carried;
  for (const item of items) {
    let organization: string | null = null;
    const named = item.place ?? (item.org ? ([...places.values()].find((d) => d.start >= item.org!.start && d.end <= item.org!.end) ?? null) : null);
    if (named?.division) chainPlace = named;
    if (item.org) {
      // A body known by name (对外友协 read as the national one) is no bare body of the home's.
      const kind = item.org.system === 'central' || item.org.system === 'named' ? undefined : orgBodies.get(item.org.text);
      if (kind && kind !== 'campus') {
        // A bare party department belongs to the committee named before it, or to the home's;
        // a bare state body to the home's government.
        // An office (办公室) serves party and state alike: after a committee's post it is the committee's
        // (区委常委、办公室主任 → 区委办公室).
        // An office or a secretariat serves the body whose post the chain names before it.
        const office = /^(办公[室厅]|书记处)$/.test(item.org.text);
        const ofCommittee = kind === 'party' || office;
        let committee: string | null = ofCommittee && parent && /委$/.test(parent) ? parent.replace(/^中共/, '') : null;
        // …but after a post in one of the committee's own bodies, a party body is the committee's, not
        // that body's (市委政法委书记、教育工委书记 → 市委教育工委).
        const sibling = committee && !office ? /^(.+?[省市县区州旗]委)([^委].*委)$/.exec(committee) : null;
        if (sibling && orgBodies.get(sibling[2]) === 'party') committee = sibling[1];
        // …or the committee whose department the chain named before it (区委宣传部副部长、文明办主任 → 区委文明办).
        if (!committee && kind === 'party' && parent) committee = /^(?:中共)?(.+?[省市县区州]委)[^委]+部$/.exec(parent)?.[1] ?? null;
        // …and after another body's post, that body's (市教育局党组成员、办公室主任 → 市教育局办公室).
        if (!committee && office && parent) committee = withoutPartyUnit(parent);
        // In a campus's own news, its party committee's (党委常委、组织部部长 → 中共X大学委员会组织部).
        const campusCommittee = home?.local?.institution && !home.local.college ? `中共${home.local.institution}委员会` : null;
        // …but its discipline commission is the institution's (X大学纪委), as it is written.
        if (!committee && kind === 'party' && campusCommittee) committee = /^纪委/.test(item.org.text) ? home!.local!.institution : campusCommittee;
        if (!committee && kind === 'party' && homeAt('市', home)) committee = resolveOrg('市委', home).replace(/^中共/, '');
        // A bare state body after a township's or subdistrict's committee's post is the township's
        // (街道党工委副书记、办事处副主任 → 街道办事处; 镇党委书记、人大主席 → 镇人大).
        // (…and the first of a chain listed after a township's post: 横林镇党委书记A、镇长B、人大主席C → 横林镇人大.)
        const township = kind === 'state' ? (parent ? townshipOfCommittee(parent) : listTownship) : null;
        // A standing committee's working committee after a post in one of its bodies (…人大常委会代表资格审查委员会委员、联工委主任).
        const congress = kind === 'state' && /工委$|工作委员会$/.test(item.org.text) ? /^(.*人大常委会)/.exec(parent ?? '')?.[1] : undefined;
        if (committee) organization = committee + item.org.text;
        else if (congress) organization = congress + item.org.text;
        else if (township) organization = township + item.org.text;
        else {
          // A department of a province's government (农业农村厅) is the province's; other bare bodies the
          // level's whose body the chain named before (区纪委书记、监委主任 → 区监委; 区委统战部副部长、民宗局长 → 区民宗局),
          // else the city's.
          const parentLevel = parent ? LEVEL_OF_BODY.exec(parent)?.[1] : undefined;
          const level = /厅$/.test(item.org.text) ? '省' : parentLevel && homeAt(parentLevel, home) ? parentLevel : '市';
          organization = homeAt(level, home) ? resolveOrg(level + item.org.text, home) : item.org.text;
        }
        item.org.resolved = organization;
      } else {
        // A bare level body (省委, 市人大常委会) in a chain after a named division is that division's.
        const where = named ? null : homeAtPlace(home, chainPlace);
        const level = /^(?:中共)?([市省县区])/.exec(item.org.text)?.[1];
        if (where && level && homeAt(level, where)) item.org.resolved = resolveOrg(item.org.text, where);
        organization = item.org.resolved;
      }
      parent = organization;
    } else if (item.mission) {
      organization = parent = item.mission;
    } else if (item.held) {
      // A post held concurrently is held in the body of the post before 兼; an unnamed body's in none
      // named, but a subdistrict's office after its committee's post is the subdistrict's (街道党工委副书记、办事处副主任).
      const township = townshipOfCommittee(parent);
      // …and a zone's management committee after its party working committee's (开发区党工委书记、管委会主任).
      const zone = item.held === '管委会' && parent?.endsWith('党工委') ? parent.replace(/^中共/, '').replace(/党工委$/, '管委会') : null;
      organization = item.held === 'as-before-jian' ? parent : item.held === '办事处' && township?.endsWith('街道') ? `${township}办事处` : zone;
      parent = organization;
    } else {
      // 党委 written bare before the post (党委常委: 常委 of no body the text names) reads with it.
      const unit = /(党委|党工委)$/.exec(text.slice(Math.max(0, item.start - 3), item.start))?.[1] ?? '';
      const party = partyPost(unit + item.title, home);
      if (party) {
        out.push(linkedTitle(party.title, party.organization, item.start));
        parent = party.organization;
        continue;
      }
      // A foreign seat's head heads its government (大分市市长 → 大分市政府), never the home's.
      if (item.place && !item.place.division) organization = GOVERNMENT_HEAD.test(item.title) ? `${item.place.text}政府` : null;
      else {
        // A post after a committee's in the chain is the committee's (市委常委、秘书长): unless it implies its own body.
        const where = homeAtPlace(home, chainPlace) ?? home;
        // An institution's head after a post of another body's (市检察院党组成员、副检察长) is that body's.
        const ofParent = parent && INSTITUTION_HEAD.test(item.title) ? bodyOfNext(item.title, parent) : null;
        organization = ofParent ?? IMPLIED.find(([re]) => re.test(item.title))?.[1](where) ?? (parent ? bodyOfNext(item.title, parent) : null);
      }
    }
    out.push(linkedTitle(item.title, organization && inPartyUnit(item.title, organization, item.offices === true), item.start));
  }
  return out;
}

/** The party unit a post is of (党组书记 → 党组, 党委委员 → 党委), or undefined. */
const partyUnitOf = (post: string): string | undefined => /^(党组|党委|党工委)/.exec(post)?.[1];

/**
 * The body a party unit's post is held in: a body's party unit (区检察院党组书记 → 区检察院党组,
 * 集团党委委员 → 集团党委, 市委统战部机关党委书记 → 市委统战部机关党委); a committee's own posts are the
 * committee's (县委常委), and other posts their body's.
 */
// A party unit or committee, whose posts are its own (县委常委, 纪委书记); a state commission (市卫健委,
// 发展和改革委员会) has a party unit as other bodies do.
const PARTY_BODY = /(党组|党委|党工委|[省市县区州镇乡旗]委|纪委|工委|纪律检查委员会)$|^中共/;

function inPartyUnit(title: string, organization: string, offices: boolean): string {
  const unit = partyUnitOf(title);
  if (!unit || PARTY_BODY.test(organization)) return organization;
  return `${organization}${offices ? '机关' : ''}${unit}`;
}

// A diplomat's post and the mission it is held in.
const MISSION_OF_POST: [RegExp, string][] = [
  [/^(副)?总领事$/, '总领事馆'],
  [/^(副)?领事$/, '领事馆'],
  [/^(大使|公使|参赞|武官)$/, '大使馆'],
];

/** The embassy or consulate of a diplomat's post written after the country and the posting (日本驻华|大使), or null. */
function missionBefore(text: string, post: PostMention): { start: number; name: string } | null {
  const ending = MISSION_OF_POST.find(([re]) => re.test(post.title))?.[1];
  if (!ending) return null;
  const { places } = markLexicon();
  for (let at = post.start - 2; at >= Math.max(1, post.start - 8); at--) {
    if (text[at] !== '驻') continue;
    const posting = post.start - at - 1;
    if (places.longestAt(text, at + 1) < posting && !(posting === 1 && visitAbbreviation(text[at + 1]))) return null;
    // The city written by its one-character name is named in full (驻沪 → 驻上海总领事馆).
    const posted = posting === 1 ? postedCity(text[at + 1]) : null;
    const mission = '驻' + (posted ?? text.slice(at + 1, post.start)) + ending;
    // The sending country: the longest place word ending right before 驻, or 我国.
    if (text.startsWith('我国', at - 2)) return { start: at - 2, name: '中国' + mission };
    for (let start = Math.max(0, at - 8); start <= at - 2; start++) {
      if (places.valueAt(text, start, at - start) !== undefined) return { start, name: text.slice(start, at) + mission };
    }
    return null;
  }
  return null;
}

/** A session's delegation named by its division right before its head's post (大理|代表团|团长), or null. */
function delegationBefore(text: string, post: PostMention, places: Map<number, PlaceMention>): OrgMention | null {
  const at = post.start - 3;
  const division = text.startsWith('代表团', at) ? places.get(at) : undefined;
  if (!division?.division) return null;
  const name = text.slice(division.start, post.start);
  return orgMention({ start: division.start, end: post.start, text: name, resolved: name, system: 'other' });
}

/** The government of the township the data knows named right before its head's post (银涂镇|镇长, 城关镇|副镇长), or null. */
function townshipGovernment(text: string, post: PostMention): OrgMention | null {
  const level = /^(?:常务)?(?:副)?([镇乡])长$/.exec(post.title)?.[1];
  if (!level || text[post.start - 1] !== level) return null;
  const start = townshipEndingAt(text, post.start);
  if (start >= post.start - 1) return null;
  const township = text.slice(start, post.start);
  return orgMention({ start, end: post.start, text: township, resolved: `${township}人民政府`, system: 'state' });
}

// Words for a body that name none in particular, right before its post.
type UnnamedBody = '公司' | '集团' | '机关' | '办事处' | '工会' | '监事会' | '董事会' | '管委会' | '主席团';
const UNNAMED_BODY = /(公司|集团|机关|办事处|工会|监事会|董事会|管委会|主席团)$/;

/** The township or subdistrict whose committee or government holds one of the titles (横林镇党委, 横林镇人民政府), or null. */
function townshipOfTitles(titles: readonly LinkedTitle[]): string | null {
  for (const t of titles) {
    const township = t.organization && /^(?:中共)?(.*(?:街道|镇|乡))(?:党工委|党委|工委|人民政府|政府|人大|人民代表大会)$/.exec(t.organization)?.[1];
    if (township) return township;
  }
  return null;
}

/** The township or subdistrict whose committee a body is (青山镇党委 → 青山镇, 南京东路街道党工委 → 南京东路街道), or null. */
function townshipOfCommittee(body: string | null): string | null {
  return body ? (/^(?:中共)?(.*(?:街道|镇|乡))(?:党工委|党委|工委)$/.exec(body)?.[1] ?? null) : null;
}

// The last characters of posts (长, 员, 师, 官, 表, 记…), read from the lexicon's posts.
let postEndings: Set<string> | null = null;
const postEnding = (ch: string | undefined): boolean => (postEndings ??= new Set(lexicon().posts.map((p) => p.at(-1)!))).has(ch ?? '');

/**
 * Where the words after 兼 start, when a post the lexicon has ends at 兼 and at most eight Han
 * characters stand between 兼 and `end` (副部长兼|首席兽医师, 副部长兼|国际贸易谈判|副代表); else -1.
 */
function afterJian(text: string, end: number, postsByEnd: Map<number, PostMention>): number {
  for (let start = end; start >= Math.max(1, end - 8); start--) {
    if (text[start - 1] === '兼') return postsByEnd.has(start - 1) && start < end ? start : -1;
    if (!isHan(text[start - 1])) return -1;
  }
  return -1;
}

/**
 * Whether the clause that ends at `end` is only a chain of posts, with no verb of naming in it
 * (县委常委、组织部部长 — but not 以…陈文清为组长, whose 组长 is another's).
 */
function chainOnly(text: string, end: number): boolean {
  const start = lastIndexWhere(text, isClauseBreak, end - 1) + 1;
  return end - start <= 30 && !/[为任是由以]/.test(text.slice(start, end));
}

// What ends the clause before a chain's comma.
const isClauseBreak = codeSet('，。；：！？\n');

/** The home as seen from a division a chain names (its level words then speak of that division), or null. */
function homeAtPlace(home: Home | null, place: PlaceMention | null): Home | null {
  return place?.division ? { ...(home ?? { abbreviation: '' }), division: place.division } : null;
}

// Which bodies hold a post written bare in a chain after the body's own post (区政协党组书记、主席;
// 省广播电视局党组成员、副局长): the body's ending for a head's post (局 for 局长), else its kind.
const BODIES_OF_POST: [RegExp, RegExp][] = [
  [/^主席$/, /(政协|委员会|工会|联合会|妇联|联|协会|商会|主席团)$/],
  [/^主任$/, /(委|委员会|办|办公室|室|中心|人大常委会)$/],
  [/^秘书长$/, /(委|委员会|政协|人大常委会|会|政府)$/],
  [/^(党组|党委)?书记$/, /(党组|党委|党工委|支部)$/],
  [/^(董事长|总经理|总裁|董事|监事长)$/, /(公司|集团)$/],
  [/^检察长$/, /检察院$/],
  [/^委员$/, /(政协|委员会|人大常委会)$/],
];

/**
 * The body of a post written bare after `parent`'s post in a chain: a committee's (市委常委、秘书长),
 * a body holding such posts, or the body whose party unit the parent is (区人大常委会党组副书记、常务副主任).
 */
function bodyOfNext(post: string, parent: string): string | null {
  // A government's head is its government's (省政府党组成员、副省长), never a committee's (县委副书记、县长:
  // with no home to name the government, the post stays without a body).
  if (GOVERNMENT_HEAD.test(post)) return /政府$/.test(parent) ? parent : null;
  // A body's own post after its party unit's is the body's (集团党委书记、董事长; 局党组书记、局长).
  const body = withoutPartyUnit(parent);
  if (body !== parent && heldIn(post, body)) return body;
  // …and a post of a body's party unit after the body's own is the unit's (董事长、党委书记; 局长、党组书记).
  if (body === parent && partyUnitOf(post)) return parent;
  return /委$/.test(parent) || heldIn(post, parent) ? parent : null;
}

/**
 * The body a chain item names where it starts, given its organization: for a party unit's post held in
 * the unit (区检察院|党组书记 → 区检察院党组), the body itself (区检察院).
 */
export function bodyNamedBy(t: LinkedTitle, organization: string): string {
  const unit = partyUnitOf(t.title);
  return unit && organization.endsWith(unit) ? withoutPartyUnit(organization) : organization;
}

/**
 * The bodies title chains name and resolve with no organization mention of their own: party units
 * (在X大学，党委副书记Y → 中共X大学委员会; 区检察院党组书记 → 区检察院党组), departments listed bare
 * (，规划司司长Z → 交通运输部规划司) and a session's presidium (主席团常务主席): the unit, department or
 * 主席团 as written is their mention.
 */
export function chainBodyMentions(text: string, persons: PersonMention[], titles: Map<PersonMention, LinkedTitle[]>): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = [];
  for (const p of persons) {
    for (const t of titles.get(p) ?? []) {
      if (!t.organization) continue;
      if (/(党委|党组|党工委|委员会)$/.test(t.organization) && /^(党委|党组|党工委)|书记$/.test(t.title)) {
        const unit = /党委|党组|党工委/.exec(text.slice(t.start, p.start));
        if (unit) out.push({ start: t.start + unit.index, end: t.start + unit.index + unit[0].length, name: t.organization });
      } else if (t.organization.endsWith('主席团')) {
        // A session's presidium, written 主席团 in the chain (主席团常务主席X).
        const at = text.lastIndexOf('主席团', t.start);
        if (at >= 0 && at >= t.start - 3) out.push({ start: at, end: at + 3, name: t.organization });
      } else if (/[司处科室]$/.test(t.organization) && !/(办事处|办公室)$/.test(t.organization)) {
        const length = writtenTail(text, t.start, t.organization);
        if (length >= 3) out.push({ start: t.start, end: t.start + length, name: t.organization });
      }
    }
  }
  return out;
}

/** How many of an organization's last characters the text writes at `at` (规划司 of 交通运输部规划司). */
function writtenTail(text: string, at: number, organization: string): number {
  for (let length = Math.min(16, organization.length); length > 0; length--) if (text.startsWith(organization.slice(-length), at)) return length;
  return 0;
}

/** A body without the party unit named after it (市教育局党组 → 市教育局; 市人大常委会机关党组 → 市人大常委会). */
function withoutPartyUnit(organization: string): string {
  // (An institution's committee named in full, 中共X大学委员会, 中共X校区工作委员会, is its party unit too.)
  const institution = /^中共(.+?(?:大学|学院|校区|医院))(?:工作)?委员会$/.exec(organization)?.[1];
  return institution ?? organization.replace(/(机关)?(党组|党委|党工委)$/, '');
}

/** Whether `post` (常务副局长, 主席…) is a post of `body` written bare after the body's own. */
function heldIn(post: string, body: string): boolean {
  const core = post.replace(/^(常务)?(副|代理|代)?/, '');
  if (/^.长$/.test(core) && core !== '校长') return body.endsWith(core[0]);
  if (core === '校长') return /(大学|学院|学校|中学|小学|校区)$/.test(body);
  return BODIES_OF_POST.some(([p, b]) => p.test(core) && b.test(body));
}

/**
 * 党委书记, 党委副书记, 党委常委 with no body named: the party committee of the township or campus the article
 * speaks from (戴庙镇党委, 中共安徽大学委员会), written as its post (书记, 副书记).
 */
function partyPost(title: string, home: Home | null): TitleOut | null {
  const m = /^(?:党委|党工委)(副?书记|委员|常委)$/.exec(title);
  const local = home?.local;
  if (!m || !local) return null;
  if (local.township) return { title: m[1], organization: `${local.township}党委` };
  if (local.institution && !local.college) return { title: m[1], organization: `中共${local.institution}委员会` };
  return null;
}

// What stands between a name and the posts written after it: a bracket, or a verb of taking or
// leaving office (…同志任, 当选为, 辞去, 不再担任; 免去…的).
// …also for the name that stands for a group (A等18名同志为常务委员).
const AFTER_NAME = /^(（|\(|(等[0-9一二两三四五六七八九十百]+[名位人](同志|委员|代表)?)?(同志)?(当选为|当选|担任|出任|兼任|辞去|不再担任|任|为))/;
/**
 * The post a decision names the person by, before 为 or 代理 (决定陈某副主任为…代理主任); null unless 决定 or
 * 任命 stands before the name.
 */
function postHeldAsGiven(text: string, nameStart: number, nameEnd: number, postsByEnd: Map<number, PostMention>): PostMention | null {
  if (!/(决定|任命)$/.test(text.slice(Math.max(0, nameStart - 2), nameStart))) return null;
  // (…or acts as one: 决定X副区长代理…区长职务.)
  return [...postsByEnd.values()].find((p) => p.start === nameEnd && (text[p.end] === '为' || text.startsWith('代理', p.end))) ?? null;
}

// After 免去 the posts may follow the name directly (免去X同志Y市副市长职务).
const AFTER_REMOVAL = /^(同志)?的?/;

/**
 * Whether the name is the object of 免去 (免去张三同志的…职务), also listed after an earlier one's
 * 职务 in the same sentence (免去A同志X职务、B同志Y职务).
 */
function removedBefore(text: string, nameEnd: number): boolean {
  if (/免去[^，。；]{0,8}$/.test(text.slice(Math.max(0, nameEnd - 12), nameEnd))) return true;
  const listed = /职务[、，；,;]?[^，。；、]{2,8}$/.exec(text.slice(Math.max(0, nameEnd - 12), nameEnd));
  if (!listed) return false;
  const sentenceStart = lastIndexWhere(text, isSentenceBreak, nameEnd - 12);
  return /免去/.test(text.slice(sentenceStart + 1, nameEnd - listed[0].length));
}

/** The longest title chain that starts right after the name's bracket or verb and ends before the clause does. */
function titlesAfterName(
  text: string,
  nameStart: number,
  nameEnd: number,
  postsByEnd: Map<number, PostMention>,
  orgs: OrgMention[],
  home: Home | null,
  places: Map<number, PlaceMention>,
  verbsOnly = false,
): LinkedTitle[] {
  const ahead = text.slice(nameEnd, nameEnd + 10);
  const lead = AFTER_NAME.exec(ahead) ?? (removedBefore(text, nameEnd) ? AFTER_REMOVAL.exec(ahead) : null);
  // A decision naming the person by the post he holds (决定X副区长为…, …代理…职务): that post, then those it gives.
  const held = lead ? null : postHeldAsGiven(text, nameStart, nameEnd, postsByEnd);
  if (held) {
    const from = held.end + /^(为|代理)/.exec(text.slice(held.end))![0].length;
    const given = chainOpening(text, from, 30, (chain) => chain[0].start === from, postsByEnd, orgs, home, places);
    // (Held in the body of the post it gives when both are the same post's ranks: 副区长 → 代理区长.)
    const core = (title: string) => title.replace(/^(常务)?(副|代理?)/, '');
    const sameBody = given[0] && core(given[0].title) === core(held.title) ? given[0].organization : null;
    const holds = linkedTitle(held.title, sameBody ?? IMPLIED.find(([re]) => re.test(held.title))?.[1](home) ?? null, held.start);
    return given.length ? [holds, ...given] : [];
  }
  if (!lead || (verbsOnly && /^[（(]/.test(lead[0]))) return [];
  const from = nameEnd + lead[0].length;
  // (A session's presidium may stand before its posts unread: 为大会主席团常务主席.)
  const opens = (chain: LinkedTitle[]) => chain[0].start === from || (PRESIDIUM_POST.test(chain[0].title) && /^(大会)?(主席团)?$/.test(text.slice(from, chain[0].start)));
  const best = chainOpening(text, from, 30, opens, postsByEnd, orgs, home, places);
  // A bracket holds only posts: one of them at or after the chain's last closes it.
  if (lead[0] !== '（' && lead[0] !== '(') return best;
  const lastStart = best.at(-1)?.start ?? Infinity;
  return [...postsByEnd.values()].some((p) => p.start >= lastStart && /[）)]/.test(text[p.end] ?? '')) ? best : [];
}

/**
 * The post an appointment adds after the one it gives (任命A为市人民政府副市长，并决定为代理市长; …副主任，
 * 并决定其为代理主任): held where the post before it is, if that body holds it, else where it implies.
 */
function actingPosts(
  text: string,
  nameEnd: number,
  given: LinkedTitle[],
  postsByEnd: Map<number, PostMention>,
  orgs: OrgMention[],
  home: Home | null,
  places: Map<number, PlaceMention>,
): LinkedTitle[] {
  const also = /^[^。；，,]{0,40}[，,]并(?:决定)?(?:由?其)?(?:为|担任|任)/.exec(text.slice(nameEnd, nameEnd + 60));
  if (!also) return [];
  const from = nameEnd + also[0].length;
  const chain = chainOpening(text, from, 16, (c) => c[0].start === from, postsByEnd, orgs, home, places);
  const body = given.at(-1)?.organization ?? null;
  return chain.map((t) => (t.organization ? t : linkedTitle(t.title, body && heldIn(t.title, body) ? body : (IMPLIED.find(([re]) => re.test(t.title))?.[1](home) ?? null), t.start)));
}

/** The longest title chain that `opens` accepts, ending within `reach` characters of `from` and before the clause does. */
function chainOpening(
  text: string,
  from: number,
  reach: number,
  opens: (chain: LinkedTitle[]) => boolean,
  postsByEnd: Map<number, PostMention>,
  orgs: OrgMention[],
  home: Home | null,
  places: Map<number, PlaceMention>,
): LinkedTitle[] {
  let best: LinkedTitle[] = [];
  for (let end = from + 1; end <= Math.min(text.length, from + reach) && !/[，。；：！？（）()\n]/.test(text[end - 1]); end++) {
    if (!postsByEnd.has(end)) continue;
    const chain = titleChain(text, end, postsByEnd, orgs, home, places);
    if (chain.length && opens(chain)) best = chain;
  }
  return best;
}

// Posts of a company, and what a company's name ends with.
const COMPANY_POST = /^(副)?(总经理|经理|董事长|总裁|厂长|董事|总监|总工程师|总会计师|总经济师|董事会秘书)$/;
const COMPANY = /(公司|集团|厂)$/;

/** The company a chain's titles name (its party unit's included), or null. */
function companyOf(titles: LinkedTitle[]): string | null {
  for (const t of titles) {
    const body = t.organization ? withoutPartyUnit(t.organization) : '';
    if (COMPANY.test(body)) return body;
  }
  return null;
}

/** The one company the sentence names before `at` (在上海某某公司，…听取总经理X汇报), or null. */
function companyOfSentence(text: string, at: number, orgs: OrgMention[]): string | null {
  let start = at;
  while (start > 0 && !/[。！？\n]/.test(text[start - 1])) start--;
  const named = [...new Set(orgs.filter((o) => o.start >= start && o.end <= at && COMPANY.test(o.text)).map((o) => o.resolved || o.text))];
  return named.length === 1 ? named[0] : null;
}

// The last character of a body or place the rules may not have read, right before a post.
const UNREAD_BODY_END = /[区园所站场处科队组室馆院校厂司办]/;

// What ends the sentence a bare post is read in.
const isSentenceBreak = codeSet('。！？\n');

/** Titles for every person mention; list members without a chain share their list head's. */
export function linkTitles(
  text: string,
  persons: PersonMention[],
  posts: PostMention[],
  orgs: OrgMention[],
  home: Home | null,
  divisions: PlaceMention[] = [],
  foreignSeats: PlaceMention[] = [],
): Map<PersonMention, LinkedTitle[]> {
  // Each pass is a function of its own: the optimizer compiles (and recompiles) each apart, which
  // costs far less than one function holding them all.
  const { out, addressed } = chainsOfPersons(text, persons, posts, orgs, home, divisions, foreignSeats);
  shareElectedPosts(text, persons, out);
  resolveBarePosts(text, persons, out, home);
  resolveListedDepartments(text, persons, out, home);
  resolvePresidiumPosts(text, persons, out, home);
  resolveVillagePosts(text, persons, orgs, out);
  shareListedCompanies(text, persons, orgs, out);
  resolveStoryCompany(text, persons, orgs, out);
  dropRepeatedAddresses(addressed, out);
  return out;
}

// A sentence that opens by setting its scene at an institution (在曲阜师范大学，党委副书记X会见…).
const SCENE = /^在([\u4e00-\u9fff]{2,16}?(?:大学|学院|医院|研究所|研究院))[，,]/;

/**
 * The home a chain is read against: in a sentence set at another institution (在X大学，党委书记Y…),
 * that institution's bare bodies and posts are its own, not the outlet's.
 */
function sceneHome(text: string, at: number, home: Home | null): Home | null {
  const scene = SCENE.exec(text.slice(lastIndexWhere(text, isSentenceBreak, at) + 1, at))?.[1];
  if (!scene || scene === home?.local?.institution) return home;
  const local = { township: null, townshipCounty: null, county: null, company: null, ...home?.local, institution: scene, college: null };
  return { division: home?.division ?? null, abbreviation: home?.abbreviation ?? '', local };
}

const HELD_BY = /[由是]/;

/** Each person's title chain, before or after the name, or the post it is addressed by (the persons so addressed apart). */
function chainsOfPersons(
  text: string,
  persons: PersonMention[],
  posts: PostMention[],
  orgs: OrgMention[],
  home: Home | null,
  divisions: PlaceMention[],
  foreignSeats: PlaceMention[],
): { out: Map<PersonMention, LinkedTitle[]>; addressed: Set<PersonMention> } {
  const postsByEnd = new Map(posts.map((p) => [p.end, p]));
  const places = new Map(divisions.filter((d) => d.division).map((d) => [d.end, d]));
  // A foreign seat before its head's post (大分市|市长), or running into it (旧金山|市长).
  for (const seat of foreignSeats) for (const end of [seat.end, seat.end - 1]) if (!places.has(end)) places.set(end, seat);
  const postsByStart = new Map(posts.map((p) => [p.start, p]));
  const { addressPosts } = lexicon();
  const out = new Map<PersonMention, LinkedTitle[]>();
  let previous: PersonMention | null = null;
  const addressed = new Set<PersonMention>();
  // The last division a title chain named, carried to the chains after it in the same sentence.
  let carried: PlaceMention | null = null;
  for (const person of persons) {
    // …until the sentence ends, or speaks of the paper's own place again (…参观了我县…，县委书记X).
    if (carried && /[。！？\n]|[我本][省市县区镇乡]/.test(text.slice(carried.end, person.start))) carried = null;
    // The township of the list member before this one, whose bare bodies this chain's are (…镇长B、人大主席C).
    const listTownship = previous && /^[，、；]/.test(text.slice(previous.end, person.start)) ? townshipOfTitles(out.get(previous) ?? []) : null;
    let titles = titleChain(text, person.start, postsByEnd, orgs, sceneHome(text, person.start, home), places, carried, listTownship);
    const from = titles[0]?.start ?? person.start;
    for (const d of places.values()) if (d.division && d.start >= from && d.end <= person.start && (!carried || d.start >= carried.start)) carried = d;
    // A post said to be held by the names after it (执行主席由A、B担任; 执行主席是A、B).
    if (titles.length === 0 && HELD_BY.test(text[person.start - 1] ?? '') && postsByEnd.has(person.start - 1)) {
      titles = titleChain(text, person.start - 1, postsByEnd, orgs, sceneHome(text, person.start, home), places, carried);
    }
    if (titles.length === 0 && previous && previous.end + 1 === person.start && text[previous.end] === '、') {
      titles = out.get(previous) ?? [];
    }
    const chainFrom = titles.length ? titles[0].start : person.start;
    if (previous) titles = withListUnit(text, withListBody(text, titles, previous, chainFrom, out), previous, chainFrom, out, home);
    // Posts written after the name: in brackets (王建国（市政府副秘书长）) or after a verb of taking
    // office (李春明同志任许昌市副市长, 孙立平当选为县人大常委会主任, 任命赵小刚为市财政局局长).
    // A verb adds them to a chain written before the name too (任命县委副书记X同志为副县长、代理县长).
    const after = titlesAfterName(text, person.start, person.end, postsByEnd, orgs, home, places, titles.length > 0);
    const acting = after.length ? actingPosts(text, person.end, after, postsByEnd, orgs, home, places) : [];
    titles = [...titles, ...[...after, ...acting].filter((t) => !titles.some((x) => x.title === t.title && x.organization === t.organization))];
    // A post written after the name as a form of address (习近平总书记, 马燕生副校长会见…), unless it
    // opens the next person's chain (…王东、副市长|李明).
    const address = postsByStart.get(person.end);
    const opensChain = address && persons.some((p) => p.start === address.end);
    if (titles.length === 0 && address && !opensChain && (addressPosts.has(address.title) || HEAD_POST.test(address.title)) && address.title !== '同志') {
      // …held in a body written right before the name (省政协|牛某|副主席), or the one the post implies.
      const before = orgs.find((o) => o.end === person.start && heldIn(address.title, o.resolved || o.text));
      const organization = before ? before.resolved || before.text : (IMPLIED.find(([re]) => re.test(address.title))?.[1](home) ?? null);
      titles = [linkedTitle(address.title, organization, person.start)];
      addressed.add(person);
    }
    out.set(person, withCompanies(text, titles, person, previous, chainFrom, orgs, home, out));
    previous = person;
  }
  return { out, addressed };
}

/**
 * A list member whose posts name no body holds them in the body of the member before it
 * (市委组织部秘书长冯伟、副巡视员王小宝).
 */
function withListBody(text: string, titles: LinkedTitle[], previous: PersonMention, chainFrom: number, out: Map<PersonMention, LinkedTitle[]>): LinkedTitle[] {
  if (titles.length && titles.every((t) => !t.organization) && text.slice(previous.end, chainFrom) === '、') {
    const inherited = out.get(previous)?.at(-1)?.organization;
    if (inherited) {
      return titles.map((t) => {
        if (!GOVERNMENT_HEAD.test(t.title) || /政府$/.test(inherited)) return linkedTitle(t.title, inPartyUnit(t.title, withoutPartyUnit(inherited), false), t.start);
        // (A government's head after a committee's post is the government's: 区委书记A、区长B → the district's government.)
        const division = /^(?:中共)?(.+?[省市县区州旗])委$/.exec(inherited)?.[1];
        return linkedTitle(t.title, division ? `${division}人民政府` : null, t.start);
      });
    }
  }
  return titles;
}

// An institution or its unit with a party committee of its own (南京师范大学党委, 化工学院党委, 物理系党总支).
const UNIT_COMMITTEE = /^(.*(?:大学|学院|学校|中学|系|研究所|研究院|医院|中心|校区))(党委|党总支)$/;

/** A university's campus (X大学威海校区) as UNIT_COMMITTEE reads a unit's committee: its committee, the campus, 党委. */
function campusCommittee(organization: string): [string, string, string] | null {
  return /校区$/.test(organization) ? [`中共${organization}委员会`, organization, '党委'] : null;
}

/**
 * A list item whose chain opens with a bare 党委 (or 党总支), or names a head of a 院 or a school with no
 * body, holds them in the unit of the item before it (化工学院党委书记A、党委副书记兼副院长B: 化工学院党委,
 * 化工学院; X大学党委书记A，党委副书记、校长B: X大学党委, X大学), not in the institution whose news this is.
 */
function withListUnit(text: string, titles: LinkedTitle[], previous: PersonMention, chainFrom: number, out: Map<PersonMention, LinkedTitle[]>, home: Home | null): LinkedTitle[] {
  // (A bare 党委 before a post is no part of the chain: ，党委|常委、副校长.)
  if (!/^[，、；](党委|党总支)?$/.test(text.slice(previous.end, chainFrom))) return titles;
  const committee = out.get(previous)?.map((t) => t.organization && (UNIT_COMMITTEE.exec(t.organization) ?? campusCommittee(t.organization))).find(Boolean);
  if (!committee) return titles;
  const [whole, unit, kind] = committee;
  return titles.map((t) => {
    // (党委 opens the item, read with its post or before it: 党委副书记, 党委|常委.)
    const bare = text.startsWith(kind, t.start) || (text.startsWith(kind, t.start - kind.length) && !isHan(text[t.start - kind.length - 1] ?? ''));
    if (bare && /^(党委|党总支)?(副)?书记$|^(党委|党总支)?(委员|常委)$/.test(t.title)) return linkedTitle(t.title.replace(/^(党委|党总支)/, ''), whole, t.start);
    // (A college's own site keeps its college, which such a unit most likely is.)
    const unread = !t.organization || t.organization === home?.local?.institution;
    if (unread && /院$/.test(unit) && /^(常务)?副?院长$/.test(t.title)) return linkedTitle(t.title, unit, t.start);
    if (!t.organization && /(大学|学院|学校|中学)$/.test(unit) && /^(常务)?副?校长$/.test(t.title)) return linkedTitle(t.title, unit, t.start);
    return t;
  });
}

/** A company's posts with no body named: the company the sentence or the list names, else the one whose news this is. */
function withCompanies(
  text: string,
  titles: LinkedTitle[],
  person: PersonMention,
  previous: PersonMention | null,
  chainFrom: number,
  orgs: OrgMention[],
  home: Home | null,
  out: Map<PersonMention, LinkedTitle[]>,
): LinkedTitle[] {
  const ownCompany = home?.local?.company ?? null;
  // In a list, a chain whose bare 党委 or 集团 the site's own company answered follows the company the
  // member before it named (…远航集团党委书记、董事长A，党委副书记、总经理B: B's are 远航集团's).
  const listedAfter = previous && /^[，、；]$/.test(text.slice(previous.end, chainFrom)) ? companyOf(out.get(previous) ?? []) : null;
  if (ownCompany && listedAfter && listedAfter !== ownCompany && !text.slice(chainFrom, person.start).includes(ownCompany)) {
    titles = titles.map((t) => (t.organization?.startsWith(ownCompany) ? linkedTitle(t.title, listedAfter + t.organization.slice(ownCompany.length), t.start) : t));
  }
  return titles.map((t) => withCompany(text, t, companyOfSentence(text, person.start, orgs) ?? ownCompany));
}

// The party posts of a company's committee written 集团党委书记, 公司党委委员.
const COMPANY_PARTY_POST = /^(党委|党组)?(书记|副书记|委员|成员)$/;

/**
 * A company's post with no body named, in `company`: 董事长 in the company, 集团党委书记 in its party
 * committee (the chain item starts at 集团, or at the post after 集团党委).
 */
function withCompany(text: string, t: LinkedTitle, company: string | null): LinkedTitle {
  if (t.organization || !company) return t;
  const unit = /^(?:集团|公司)(党委|党组)/.exec(text.slice(t.start, t.start + 4))?.[1] ?? /(?:集团|公司)(党委|党组)$/.exec(text.slice(Math.max(0, t.start - 4), t.start))?.[1];
  if (unit) return COMPANY_PARTY_POST.test(t.title) ? linkedTitle(t.title, company + unit, t.start) : t;
  return COMPANY_POST.test(t.title) ? linkedTitle(t.title, company, t.start) : t;
}

/**
 * Company posts still with no body once all else is read: the company the story opens on, when its
 * first sentence names one (黑猫集团与市政公用集团…签约: 集团党委书记、董事长X are 黑猫集团's).
 */
function resolveStoryCompany(text: string, persons: PersonMention[], orgs: OrgMention[], out: Map<PersonMention, LinkedTitle[]>): void {
  const firstEnd = indexWhere(text, isSentenceBreak, 0);
  // A company by a name of its own (not 本公司, 集团), and no phrase read as one (上海调研驻外公司).
  const company = orgs
    .filter((o) => o.end <= firstEnd && !/调研|考察|视察|走访|参观|慰问|检查/.test(o.text))
    .map((o) => o.resolved || o.text)
    .find((name) => COMPANY.test(name) && !/^(本|我)?(集团公司|集团|公司)$/.test(name));
  if (!company) return;
  for (const person of persons) out.set(person, out.get(person)!.map((t) => withCompany(text, t, company)));
}

/**
 * The names listed before the last one of an election, appointment or resignation hold its posts too
 * (选举…，B、C为副主任; 任命B、C为副县长; 接受B、C辞去…职务).
 */
function shareElectedPosts(text: string, persons: PersonMention[], out: Map<PersonMention, LinkedTitle[]>): void {
  // The posts of the list's last name written after it (not its own chain before it), carried back
  // along the list.
  let elected: LinkedTitle[] = [];
  for (let k = persons.length - 2; k >= 0; k--) {
    const [person, next] = [persons[k], persons[k + 1]];
    if (!/^[、和]$/.test(text.slice(person.end, next.start))) {
      elected = [];
      continue;
    }
    if (ELECTED_AFTER.test(text.slice(next.end, next.end + 12))) elected = out.get(next)!.filter((t) => t.start > next.end);
    // …added to what the name holds already (执行主席A、B…当选副主席: A is both).
    const own = out.get(person)!;
    out.set(person, [...own, ...elected.filter((t) => !own.some((o) => o.title === t.title && o.organization === t.organization))]);
  }
}

// What follows the last name of a list elected, appointed or resigning (…、C当选为; …、C等42名委员当选).
const ELECTED_AFTER = /^(等[0-9一二两三四五六七八九十百]+[名位人](同志|委员|代表)?)?(同志)?(当选|为|辞去)/;

/**
 * A post written bare after a body's posts in the same sentence is that body's (县人大常委会副主任A
 * 主持会议，副主任B、C参加; 县政协主席A主持，副主席B、C出席): the nearest body before it that holds it.
 */
function resolveBarePosts(text: string, persons: PersonMention[], out: Map<PersonMention, LinkedTitle[]>, home: Home | null): void {
  const bodies: { organization: string; end: number }[] = [];
  for (const person of persons) {
    const titles = out.get(person)!;
    const sentenceStart = lastIndexWhere(text, isSentenceBreak, person.start);
    const resolved = titles.map((t) => {
      // Not a post written after a body the rules did not read (北部园区主任, 国土所所长); a post the
      // home only implied (副院长 → the outlet's court) may still be the named body's.
      const implied = t.organization !== null && text.startsWith(t.title, t.start) && IMPLIED.some(([re, of]) => re.test(t.title) && of(home) === t.organization);
      if ((t.organization && !implied) || UNREAD_BODY_END.test(text[t.start - 1] ?? '')) return t;
      const body = bodies.findLast((b) => b.end > sentenceStart && heldIn(t.title, b.organization));
      return body ? linkedTitle(t.title, body.organization, t.start) : t;
    });
    out.set(person, resolved);
    for (const t of resolved) if (t.organization) bodies.push({ organization: t.organization, end: person.end });
  }
}

// A department written bare at the head of a list item (，计划财务司|司长X; 、综合与法规处|副处长Y): a name
// ending as departments do, two nouns in it perhaps joined by 与 or 和.
const LISTED_DEPARTMENT = /[，,、；]([\u4e00-\u9fff]{1,10}?[与和]?[\u4e00-\u9fff]{1,10}(?:司|处|科|室))$/;
// What a body's name may end with after its root body (交通运输部|办公厅, 市卫健委|党委).
const SUB_UNIT = /(办公厅|办公室|机关党委|机关党组|党委|党组|[\u4e00-\u9fff]{2,10}[司处科室])$/;
// The root bodies a department belongs to: ministries, commissions, departments and bureaus.
const DEPARTMENT_PARENT = /(部|委员会|委|厅|局|署)$/;

/**
 * A list item that opens with a department the rules did not read, before its head's post or a rank
 * (交通运输部办公厅主任A，规划司司长B，安全监管司一级巡视员C): the department is one of the body the
 * items before it in the sentence named (交通运输部规划司), the nearest that has departments.
 */
function resolveListedDepartments(text: string, persons: PersonMention[], out: Map<PersonMention, LinkedTitle[]>, home: Home | null): void {
  for (let k = 1; k < persons.length; k++) {
    const titles = out.get(persons[k])!;
    const first = titles[0];
    if (!first || first.organization) continue;
    const sentenceStart = lastIndexWhere(text, isSentenceBreak, first.start);
    const department = LISTED_DEPARTMENT.exec(text.slice(Math.max(sentenceStart + 1, first.start - 12), first.start))?.[1];
    if (!department || /[，、；。的在和与及]/.test(department.replace(/^(.{2,}?)[与和](.{2,})$/, '$1$2'))) continue;
    // A department written with its level's body (市委组织部干部二科) is that body's, not the one before it.
    if (/^[省市县区州](委|政府|人大|政协)/.test(department)) {
      if (homeAt(department[0], home)) out.set(persons[k], [linkedTitle(first.title, resolveOrg(department, home), first.start - department.length), ...titles.slice(1)]);
      continue;
    }
    const parent = parentBefore(persons.slice(0, k).filter((p) => p.start > sentenceStart), out);
    if (parent) out.set(persons[k], [linkedTitle(first.title, parent + department, first.start - department.length), ...titles.slice(1)]);
  }
}

/** The root body (ministry, commission, department, bureau) the nearest earlier chain names. */
function parentBefore(earlier: PersonMention[], out: Map<PersonMention, LinkedTitle[]>): string | null {
  for (const person of [...earlier].reverse()) {
    for (const t of [...(out.get(person) ?? [])].reverse()) {
      const root = t.organization?.replace(SUB_UNIT, '') ?? '';
      if (root !== t.organization && DEPARTMENT_PARENT.test(root)) return root;
      if (DEPARTMENT_PARENT.test(t.organization ?? '') && !/(党委|党组|市委|县委|省委|区委)$/.test(t.organization!)) return t.organization!;
    }
  }
  return null;
}

// A congress's or CPPCC's session, named in full after its divisions (X县|第八届人民代表大会第五次会议, 政协X市|第十届委员会
// 第三次会议) or short (县八届人大五次会议).
const SESSION = /第[一二三四五六七八九十]+届(?:[\u4e00-\u9fff]{2,8}?[省市县区州旗])?(?:人民代表大会|委员会)第[一二三四五六七八九十]+次(?:全体)?会议|[省市县区][一二三四五六七八九十]+届(?:人大|政协)[一二三四五六七八九十]+次会议|[省市县区](?:人大|政协)[一二三四五六七八九十]+届[一二三四五六七八九十]+次会议/;

/** The session the text names first, with the divisions (and 政协) written before it; null when none. */
function sessionNamed(text: string, home: Home | null): string | null {
  const m = SESSION.exec(text);
  if (!m) return null;
  if (!m[0].startsWith('第')) return sessionInFull(m[0], home);
  const { places } = markLexicon();
  let start = m.index;
  for (let step = 0; step < 3; step++) {
    let length = 8;
    while (length >= 2 && !(start - length >= 0 && places.valueAt(text, start - length, length) !== undefined)) length--;
    if (length < 2) break;
    start -= length;
  }
  // A division the data no longer has (水城县, a district since): the name ending in its level, after a stop.
  if (start === m.index) {
    const named = /(?:^|[，。；：,;:\s])([\u4e00-\u9fff]{1,7}[省市县区州旗])$/.exec(text.slice(Math.max(0, m.index - 9), m.index));
    if (named) start = m.index - named[1].length;
  }
  if (text.startsWith('政协', start - 2)) start -= 2;
  else if (text.startsWith('中国人民政治协商会议', start - 10)) start -= 10;
  return start < m.index ? text.slice(start, m.index + m[0].length) : null;
}

/**
 * A session written short (县十五届人大四次会议, 市八届政协三次会议) in full, in the home's division
 * (睢县第十五届人民代表大会第四次会议, 政协X市第八届委员会第三次会议); as written where no home names the level.
 */
function sessionInFull(short: string, home: Home | null): string {
  // (The body before its term or after it: 市十四届政协二次会议, 市政协十四届二次会议.)
  const m = /^(.)(?:(人大|政协)(.+?)届|(.+?)届(人大|政协))(.+?)次会议$/.exec(short)!;
  const [level, body, term, sitting] = [m[1], m[2] ?? m[5], m[3] ?? m[4], m[6]];
  const division = homeAt(level, home);
  if (!division) return short;
  return body === '人大' ? `${division}第${term}届人民代表大会第${sitting}次会议` : `政协${division}第${term}届委员会第${sitting}次会议`;
}

// The posts of a session's presidium (大会执行主席, 主席团常务主席).
const PRESIDIUM_POST = /^(执行主席|常务主席|秘书长)$/;

/**
 * Whether a title is a presidium's post named with no body, or with 主席团 or 大会 alone; 秘书长 only
 * with them (大会秘书长): bare, it is some other body's.
 */
const ofPresidium = (t: LinkedTitle): boolean =>
  PRESIDIUM_POST.test(t.title) && (t.organization ? /^(大会)?主席团$/.test(t.organization) : t.title !== '秘书长');

/**
 * A session's presidium posts (大会执行主席A, 主席团常务主席B): the presidium of the session the text names
 * first.
 */
function resolvePresidiumPosts(text: string, persons: PersonMention[], out: Map<PersonMention, LinkedTitle[]>, home: Home | null): void {
  let presidium: string | null | undefined;
  for (const person of persons) {
    const titles = out.get(person)!;
    if (!titles.some(ofPresidium)) continue;
    presidium ??= sessionNamed(text, home);
    if (!presidium) return;
    const body = `${presidium}主席团`;
    out.set(person, titles.map((t) => (ofPresidium(t) ? linkedTitle(t.title, body, t.start) : t)));
  }
}

/**
 * Companies listed before one post (中国铁建公司、中国国际技术智力合作公司董事X): the post is held in each; the
 * chain gave it to the last.
 */
function shareListedCompanies(text: string, persons: PersonMention[], orgs: OrgMention[], out: Map<PersonMention, LinkedTitle[]>): void {
  for (const person of persons) {
    const titles = out.get(person)!;
    const first = titles[0];
    if (!first?.organization || !COMPANY.test(first.organization)) continue;
    const listed: LinkedTitle[] = [];
    for (let at = first.start; ; ) {
      const before = orgs.find((o) => o.end === at - 1 && text[o.end] === '、' && COMPANY.test(o.resolved || o.text));
      if (!before) break;
      listed.unshift(linkedTitle(first.title, before.resolved || before.text, before.start));
      at = before.start;
    }
    if (listed.length) out.set(person, [...listed, ...titles]);
  }
}

// A village's posts written with its body's short name (村党支部书记, 村主任): the body, and the post in it.
const VILLAGE_POST = /^村(党支部|党总支|支部|委会)?(书记|主任)$/;

/**
 * A village's posts written with its body's short name (村党支部书记刘某、村主任王某), and a 主任 after
 * one in a chain (村党支部书记、主任林某): the village whose committee the sentence names before them
 * (在高山村委会，…) — the 书记 its party branch's, the 主任 its villagers' committee's.
 */
function resolveVillagePosts(text: string, persons: PersonMention[], orgs: OrgMention[], out: Map<PersonMention, LinkedTitle[]>): void {
  for (const person of persons) {
    const titles = out.get(person)!;
    if (!titles.some((t) => !t.organization && VILLAGE_POST.test(t.title))) continue;
    const sentenceStart = lastIndexWhere(text, isSentenceBreak, person.start);
    const body = orgs.findLast((o) => o.start > sentenceStart && o.end <= person.start && /村(委会|民委员会|党支部|党总支)$/.test(o.text));
    const village = body && /^(.+?村)(委会|民委员会|党支部|党总支)$/.exec(body.resolved || body.text)?.[1];
    if (!village) continue;
    let inVillage = false;
    out.set(
      person,
      titles.map((t) => {
        const post = t.organization ? null : VILLAGE_POST.exec(t.title);
        if (post) {
          inVillage = true;
          return post[2] === '书记' ? linkedTitle('书记', `${village}${post[1] === '党总支' ? '党总支' : '党支部'}`, t.start) : linkedTitle('主任', `${village}委会`, t.start);
        }
        return inVillage && !t.organization && t.title === '主任' ? linkedTitle('主任', `${village}委会`, t.start) : t;
      }),
    );
  }
}

/**
 * A form of address repeats a post the person's chain gives elsewhere (黄山市市长孔晓宏 … 孔晓宏市长;
 * 党委书记姜锋 … 姜锋书记): it says nothing more, and its body would only be guessed.
 */
function dropRepeatedAddresses(addressed: Set<PersonMention>, out: Map<PersonMention, LinkedTitle[]>): void {
  for (const person of addressed) {
    const post = out.get(person)![0].title;
    const elsewhere = [...out].some(([p, ts]) => p !== person && p.name === person.name && !addressed.has(p) && ts.some((t) => t.title.endsWith(post)));
    if (elsewhere) out.set(person, []);
  }
}
