/**
 * Organizations read on past where the rules and the tagger stopped, once both are merged: a department
 * between a body and its head's post (省教育厅|财务与审计处|处长), a hospital or school whose name a
 * university opens (安医大附属|安庆第一人民医院), and an office a body posts to a place (X市人民政府驻|上海联络处). Each keeps its mention's place in the text and takes the
 * longer name as written.
 *
 *   const orgs = withPostingBodies(text, withDepartments(text, withAffiliations(text, merged, home), home), home);
 */
import { isHan } from '../chars.js';
import { lexicon } from '../lexicon/index.js';
import { markLexicon } from '../ner/lexicon-marks.js';
import { joinsTwoNouns, namedOrg, resolveOrg, STEM_STOP, type NamedOrg } from './organizations.js';
import type { Home } from './places.js';

// A department's name after its body, up to its ending: two to nine characters, two nouns may be joined by 与 or 和
// (财务处, 规划与信息化处, 综合一科).
const DEPARTMENT = /^[\u4e00-\u9fff]{2,9}?(处|科|司|室|股|部)/;
// The department's head: 处长 heads a 处, 主任 a 室 or an association's 部 (副处长, 一级调研员 of the same).
const HEAD_OF: Record<string, RegExp> = { 处: /^副?处长/, 科: /^副?科长/, 司: /^副?司长/, 室: /^副?主任/, 股: /^副?股长/, 部: /^副?(部长|主任)/ };

// The name of a university or college, as it stands before 附属 (安徽医科大学, 安医大).
const AFFILIATING = /(大学|学院|医大|师大|农大|工大)$/;

/**
 * Bodies an institution's name opens (安医大附属|安庆第一人民医院, 南方医科大学附属|南海医院): the
 * affiliate's whole name, which the rules and the tagger may have cut at 附属. The institution's name
 * runs back to a stop, past words that begin no name (此次, 学习).
 */
export function withAffiliations(text: string, orgs: NamedOrg[], home: Home | null): NamedOrg[] {
  return orgs.map((m) => {
    // 附属 right before the mention, or inside it after a name cut short (医大附属城东医院 for 安医大附属…).
    const inside = text.slice(m.start, m.end).indexOf('附属');
    if (inside > 2) return m;
    const end = inside > 0 ? m.start + inside : m.start - 2;
    if (!text.startsWith('附属', end)) return m;
    // …back to a stop or the end of the body named before it.
    const floor = Math.max(0, ...orgs.filter((o) => o.end <= end && o !== m).map((o) => o.end));
    let start = end;
    while (start > floor && end - start < 10 && isHan(text[start - 1]) && !STEM_STOP.has(text[start - 1])) start--;
    const { notNames } = markLexicon();
    for (let word = notNames.longestAt(text, start); word > 0 && start + word < end; word = notNames.longestAt(text, start)) start += word;
    if (end - start < 2 || start >= m.start || !AFFILIATING.test(text.slice(start, end))) return m;
    const surface = text.slice(start, m.end);
    const resolved = resolveOrg(surface, home);
    return namedOrg({ ...m, start, text: surface, resolved }, resolved);
  });
}

/**
 * Bodies read up to a department of theirs that the next post heads (省教育厅|财务处|处长 → 省教育厅财务处),
 * so that the post finds its body: the department's name after the body's, the body's own resolution
 * kept. Not over another body's ending or a stop (市发改委|和|…), nor into a mention read after it.
 */
export function withDepartments(text: string, orgs: NamedOrg[], home: Home | null): NamedOrg[] {
  return orgs.map((m) => {
    if (m.media) return m;
    const department = DEPARTMENT.exec(text.slice(m.end, m.end + 10));
    if (!department || !HEAD_OF[department[1]].test(text.slice(m.end + department[0].length))) return m;
    const name = department[0];
    const { postPhrases } = lexicon();
    for (let k = 0; k < name.length - 1; k++) {
      const ch = name[k];
      if (STEM_STOP.has(ch) && !((ch === '与' || ch === '和') && joinsTwoNouns(text, m.end + k))) return m;
      if (postPhrases.longestAt(text, m.end + k) > 0) return m;
    }
    // A bureau or department between (人权事务局宣传处) is the body's too; another body's ending is not.
    if (/[委厅部办院所]/.test(name.slice(0, -1)) || orgs.some((o) => o.start >= m.end && o.start < m.end + name.length)) return m;
    const end = m.end + name.length;
    const surface = text.slice(m.start, end);
    const resolved = m.system === 'central' || m.system === 'named' ? m.name + name : resolveOrg(surface, home);
    return namedOrg({ ...m, end, text: surface, resolved }, resolved);
  });
}

/**
 * A body's office posted to a place, written after the body (温州市人民政府驻|上海联络处, 香港特别行政区政府
 * 驻|上海经济贸易办事处): one office, named with the body that posts it. The body stays a mention of its own.
 */
export function withPostingBodies(text: string, orgs: NamedOrg[], home: Home | null): NamedOrg[] {
  return orgs.map((m) => {
    if (text[m.start - 1] !== '驻' || !/(处|办|办公室|代表处|联络处)$/.test(m.text)) return m;
    const body = orgs.find((o) => o.end === m.start - 1 && /(政府|委员会|局|厅|委)$/.test(o.name));
    if (!body) return m;
    const surface = text.slice(body.start, m.end);
    const resolved = body.name + text.slice(body.end, m.end);
    return namedOrg({ ...m, start: body.start, text: surface, resolved }, resolved);
  });
}
