/**
 * events: what an article reports (a meeting, an inspection, a visit, an activity) and who took part
 * in it, in which role. A person or a list of persons that opens a clause is the subject of the role
 * words that follow it in its sentence: 市委常委…汤超，…张飞，…赵艺林出席会议 (attended, all four);
 * 汤超…并就…提出要求 (spoke); 在X的陪同下 (accompanied).
 */
import { codeSet, indexWhere, lastIndexWhere } from './chars.js';
import { lexicon } from './lexicon/index.js';
import { markLexicon } from './ner/lexicon-marks.js';
import { orgEndingBefore } from './recognize/organizations.js';
import type { PersonMention } from './recognize/persons.js';
import type { Role } from './types.js';

export interface Participation {
  roles: Set<Role>;
  /** The sentences the roles were read from, each once, in the order read. */
  evidence: string[];
  /** For each role in `roles`, the first sentence that gave it (the evidence of that role). */
  sentences: Partial<Record<Role, string>>;
}

const isSentenceEnd = codeSet('。！？；\n');
const isClauseOpen = codeSet('，。！？；：“”‘’（）\n');
// Where the search for a list's colon stops: the colon, or the end of the sentence before it.
const isColonOrSentenceBreak = codeSet('：。！？\n');
// The level word of a 领导 chain stays outside the chain (市|领导杨根生), and so may a body the
// lexicon does not know (、教务处|处长吴敏) or a party unit written bare (，党组|副书记、总经理X); a post in brackets after a name stays with it (赵六（局长）、钱七).
const JOINERS = /^(同志)?(（[^（）]{1,24}）)?([、，,和与及]|以及|[省市县区镇乡]?领导)*((?:我|本)?[省市县区镇乡]|党组|党委|党工委|[\u4e00-\u9fff][\u4e00-\u9fff、]{0,15}(系|处|科|司|局|委|办|部|院|校|厂|所|站|馆|中心|集团|公司|村|社区))?(原|前)?$/;
// The verbs of a visit or inspection, which a meeting's name may hold (调研座谈会).
const VISIT_VERB = /^(调研|考察|视察|检查|督导|走访)$/;
// The rest of a meeting's name after a visit's verb in it (调研|座谈会, 调研|脱贫攻坚工作座谈会), no other act between.
const MEETING_NAMED_BY = /^(?:(?!并|召开|主持|参加|出席|后|时)[^，。；、,]){0,16}?(座谈会|会议|交流会|推进会|汇报会)/;
// What may stand between a clause's start and its subject: nothing, or an adverbial of time or sequence.
// A level word or the kind of body may stand before a generic title (县领导, 在家厅领导, 集团党委书记), and the
// event may stand before 由 (会议由张阳主持); a party's representative is named after what it represents (使节团代表X表示).
const SUBJECT_LEAD = /^([\u4e00-\u9fff]{0,12}由|会上|会议上|随后|同时|其间|其中|最后|当天|当日|上午|下午|晚上|今天|昨天|首先|接着|此外|另外|期间|在会上|[一二三四五六七八九十]是|其次|再次|第[一二三四五六七八九十])?((?:在家)?[\u4e00-\u9fff]?领导|在家[\u4e00-\u9fff]?|党组|党委|党工委|[市省县区乡镇村]|[市县区]域|集团|公司|学校|学院|大学|医院|我司|我校|大会|(?:大会)?主席团|[\u4e00-\u9fff]{0,10}(?:团|方|组|界)代表|[\u4e00-\u9fff]{0,12}会议|[\u4e00-\u9fff]{0,10}(?:专班|工作组|工作队|督导组|考察组|调研组|检查组|代表团|考察团|行署|系|处|司|局|委|办|部|院|校|厂|所|站|馆|中心|集团|公司|政府|社区|街道|村|镇|乡))?$/;
// The roles of those listed as present: a list closed by their cue is one list.
const TAKING_PART: ReadonlySet<Role> = new Set(['attended', 'accompanied']);
// 为组长 after a person who opens a clause (以X为组长, …Y为副组长的督查组).
const HEADS_GROUP = /^(?:同志)?为(副)?(组长|团长|队长|领队|总指挥)/;
// A clause that ends in a meeting verb and the guests' description: the persons after it are guests.
const MEETS = /(会见|会晤|接见)了?[^，。；：]{0,16}$/;
// A party met with (A与到访的B一行举行会谈): the other side of talks, written before their verb.
const TALKED_WITH = /与(到访|来访)?的?$/;
// What stands before a group that is a preposition's object, from the end of the group before it.
const OBJECT_OF = new RegExp(`^[^，。；！？]{0,4}[对向为给]$|${TALKED_WITH.source}`);
const TALKS = /^(等)?(一行)?[^，。；]{0,6}?(举行)?(会谈|会晤|会见|座谈)/;
// A phrase opened by 对 or 向 up to the verb of speech that closes it (对X一行的到来表示欢迎).
const TOWARDS = /^[^，。；！？]{0,4}(?:代表[^，。；！？对向]{1,16})?[对向][^。；！？]*?(表示|致以|致辞)/;
// Unnamed others as a clause's subject, right before its verb (，人事处负责同志|陪同; ，有关部门负责人|参加).
const OTHERS_ACT = /[，；,;][^，；,;]{0,16}(负责同志|负责人|领导|同志|人员|干部|代表)(等)?(一同|共同)?$/;
// A sentence that speaks of the persons the one before listed: 上述领导出席会议, 以上同志参加.
const REFERS_BACK = /^(?:上述|以上)(?:领导|同志|人员|嘉宾|负责同志|领导同志)?(?:同志)?([^。！？；\n]*)/;
// What introduces a list: 先后是, 分别是, 依次为, 有, 包括, 如下.
const LIST_INTRO = /(是|为|有|包括|如下)$/;

/**
 * The words that introduce the list a person stands in, when the person follows a colon with only
 * list items (names, title chains, separators) between: 接受采访的负责人先后是：A、B；C. Null otherwise.
 */
function listLead(text: string, head: number): string | null {
  const colon = lastIndexWhere(text, isColonOrSentenceBreak, head - 1);
  if (colon < 0 || text[colon] !== '：') return null;
  const start = lastIndexWhere(text, isSentenceEnd, colon - 1) + 1;
  const lead = text.slice(start, colon);
  return LIST_INTRO.test(lead) ? lead : null;
}

// A pronoun opening a sentence as the speaker (他说, 她还表示, 他强调).
const PRONOUN_SPEAKS = /(?:^|[。！？\n])\s*“?((?:他|她)(?:还|又|也|同时)?(?:说|表示|指出|强调|认为|要求))/g;

/**
 * The person whose chain opens the sentence before `at` (or that sentence's first clause), for a pronoun
 * that refers back to him: the last such sentence subject, and only if no other person opens a clause after.
 */
function openingSubject(text: string, persons: PersonMention[], chainStart: (p: PersonMention) => number, at: number): PersonMention | null {
  const sentenceStart = lastIndexWhere(text, isSentenceEnd, at - 2) + 1;
  const opener = persons.find((p) => p.start < at && p.start >= sentenceStart && text.slice(sentenceStart, chainStart(p)).trim().length <= 12 && SUBJECT_LEAD.test(withoutLeadingPlaces(text.slice(sentenceStart, chainStart(p)).trim())));
  return opener ?? null;
}

/** Roles per person name in an article's text; `chainStart` gives where each mention's title chain begins. */
export function findParticipation(
  text: string,
  persons: PersonMention[],
  chainStart: (p: PersonMention) => number,
): Map<string, Participation> {
  const { roleCues, cuesAfter } = lexicon();
  const out = new Map<string, Participation>();
  const give = (name: string, role: Role, sentence: string) => {
    let p = out.get(name);
    if (!p) out.set(name, (p = { roles: new Set(), evidence: [], sentences: {} }));
    p.roles.add(role);
    p.sentences[role] ??= sentence;
    if (!p.evidence.includes(sentence)) p.evidence.push(sentence);
  };

  // Groups of persons joined only by separators and their title chains.
  const groups: PersonMention[][] = [];
  for (const p of persons) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && joins(text.slice(prev.end, chainStart(p)))) last.push(p);
    else groups.push([p]);
  }
  // A list closed by 等, by taking part or by forming a party (…A，…B，…C等参加; …C出席; …C组成的采访团): the groups before it in its
  // sentence join it across title chains the lexicon does not know (电焊技师, 理事长), so long as no act
  // stands between.
  const listItem = (between: string) => between.length <= 50 && /^[，、；,]/.test(between) && !actIn(between);
  const closesList = (end: number) => text[end] === '等' || text.startsWith('组成的', end) || TAKING_PART.has(cuesAfter.get(text.slice(end, end + cuesAfter.longestAt(text, end)))?.role ?? 'spoke');
  for (let g = groups.length - 1; g > 0; g--) {
    if (!closesList(groups[g].at(-1)!.end)) continue;
    while (g > 0 && listItem(text.slice(groups[g - 1].at(-1)!.end, chainStart(groups[g][0])))) {
      groups.splice(g - 1, 2, [...groups[g - 1], ...groups[g]]);
      g--;
    }
  }

  // 他说, 她表示 opening a sentence: the words of the person the sentence before opened with.
  for (const m of text.matchAll(PRONOUN_SPEAKS)) {
    const at = m.index! + m[0].indexOf(m[1]);
    const subject = openingSubject(text, persons, chainStart, at);
    if (subject) give(subject.name, 'spoke', text.slice(at, Math.min(text.length, indexWhere(text, isSentenceEnd, at) + 1)));
  }

  groups.forEach((group, g) => {
    const first = group[0];
    const last = group[group.length - 1];
    const head = chainStart(first);
    const sentenceStart = lastIndexWhere(text, isSentenceEnd, head - 1) + 1;
    const clauseStart = lastIndexWhere(text, isClauseOpen, head - 1, sentenceStart) + 1;
    const sentenceEnd = indexWhere(text, isSentenceEnd, last.end);
    const sentence = text.slice(sentenceStart, Math.min(text.length, sentenceEnd + 1));
    const names = group.map((p) => p.name);

    // 在X（等）的陪同下 / 在X的主持下.
    const before = text.slice(clauseStart, head);
    const after = text.slice(last.end, last.end + 8);
    // What follows the group past a post it is addressed by (X秘书长|率…, X院长|一行).
    const afterAddress = after.slice(lexicon().postPhrases.longestAt(after, 0));
    // 以X为组长（团长）的…: X leads the group; a deputy (为副组长) takes part.
    const heads = (before === '' || before.endsWith('以')) && HEADS_GROUP.exec(after);
    if (heads) {
      for (const n of names) give(n, heads[1] ? 'attended' : 'led', sentence);
      return;
    }
    // The members of a party (A、B、C组成的采访团到…调研) take part in what it does.
    // (By 由 the party is introduced from its head: 由A、B等组成的调研组 — A leads it.)
    if (/^(等[^，。；]{0,8})?组成的/.test(after)) {
      names.forEach((n, k) => give(n, k === 0 && before.endsWith('由') ? 'led' : 'attended', sentence));
      return;
    }
    // Who is heard (听取X所作的报告, 听取总经理X专题汇报) speaks; so does who gave a report
    // (…、镇人大主席Y同志所作的《…报告》).
    const following = text.slice(last.end);
    const heard = /听取(并审议)?了?[^，。；、]{0,20}$/.test(before) && /^[^。；]{0,24}?(报告|汇报|说明|介绍)/.test(following);
    // …and who reports on the body's work to the session (代表…常务委员会向大会报告工作).
    const reported =
      /^(同志)?[^。；，、]{0,16}?所作的?[^。；，]{0,30}?(报告|说明)/.test(following) ||
      /^(同志)?[作做]了?[^。；，、]{0,12}?(报告|说明)/.test(following) ||
      /^(同志)?[^。；，、]{0,30}?向(大会|会议|全会)报告工作/.test(following);
    if (heard || reported) {
      for (const n of names) give(n, 'spoke', sentence);
      return;
    }
    // The other side of talks (…与到访的B、C一行举行会谈): its first leads it, as a guest met.
    if (TALKED_WITH.test(before) && TALKS.test(after)) {
      names.forEach((n, i) => give(n, i === 0 ? 'led' : 'attended', sentence));
      return;
    }
    // The guests of a meeting (会见了…客人A、B一行): they take part, and the first leads their party.
    if (MEETS.test(before)) {
      // The head of the visiting party: the first of A、B一行, or a guest met alone.
      const party = /^(等)?一行/.test(after) || names.length === 1;
      // …A，B率领的代表团: those named as its leaders lead it together.
      const heading = /^(等)?(率领|带领|率)的/.test(after);
      names.forEach((n, i) => give(n, heading || (party && i === 0) ? 'led' : 'attended', sentence));
      return;
    }
    // A list after a colon (接受采访的负责人先后是：A、B；C): the words that introduce it give the roles.
    const lead = listLead(text, head);
    if (lead !== null) {
      for (const c of roleCues) if (lead.includes(c.cue)) for (const n of names) give(n, c.role, sentence);
      return;
    }
    // The group before this one in its clause, the clause's subject.
    const leader = g > 0 && groups[g - 1].at(-1)!.end > clauseStart ? groups[g - 1] : undefined;
    // A visiting party welcomed or thanked (对X一行的到来表示欢迎, 对X秘书长率记者团来访表示感谢): its first leads the visit.
    if (/[对向]$/.test(before) && /^(等)?(一行|率领?|带领)/.test(afterAddress) && leader) {
      names.forEach((n, i) => give(n, i === 0 ? 'led' : 'attended', sentence));
      return;
    }
    // A party led by the group before it in the clause (X率|带领Y、Z到…调研): the leader leads, the party takes part.
    if (leader && /^(率领?|带领)了?$/.test(text.slice(leader.at(-1)!.end, head))) {
      for (const n of leader) give(n.name, 'led', sentence);
      for (const n of names) give(n, 'attended', sentence);
      return;
    }
    if (before.endsWith('在')) {
      // (…a note and the others with them before 陪同: 季某（挂职）及相关单位负责人的陪同下.)
      const m =
        /^(等|一行)?(领导|同志|人员|负责同志)?(的)?(陪同|主持|带领|率领)下/.exec(text.slice(last.end, last.end + 12)) ??
        /^(?:（[^（）]{1,8}）)?(等|一行)?(?:(?:及|和|以及)[^，。；、]{0,10}?)?(领导|同志|人员|负责人|负责同志)?(的)?(陪同)下/.exec(text.slice(last.end, last.end + 30));
      if (m) {
        const role: Role = m[4] === '陪同' ? 'accompanied' : m[4] === '主持' ? 'presided' : 'led';
        for (const n of names) give(n, role, sentence);
      }
      return;
    }
    // A list closed by 等 may open with a chain the lexicon does not know (313工程队电焊技师A，…B等发言).
    const closedList = group.length > 1 && /^等/.test(after) && before.length <= 50 && !actIn(before);
    const opening = withoutLeadingPlaces(before);
    if (!SUBJECT_LEAD.test(opening) && !unreadBody(opening) && !closedList) return;
    // The scope: up to the next group that opens a clause of its own, or the sentence end; a
    // 在…的陪同下 right after the group is stepped over (X在A、B的陪同下调研: X leads).
    const aside = /^(等?一行(\d+人)?)?在[^。；！？]{1,120}?(陪同|带领|主持|率领)下/.exec(text.slice(last.end, sentenceEnd));
    const from = last.end + (aside?.[0].length ?? 0);
    // X一行在…陪同下: the party X heads is the visit's principal.
    if (aside?.[1]) for (const n of names) give(n, 'led', sentence);
    // A group that is the object of a preposition (X对Y…表示欢迎) opens no clause of its own.
    const next = groups.slice(g + 1).find((n) => chainStart(n[0]) >= from && !OBJECT_OF.test(text.slice(from, chainStart(n[0]))));
    const scopeEnd = next && chainStart(next[0]) < sentenceEnd ? chainStart(next[0]) : sentenceEnd;
    // A sentence that only lists them, its verb in the next one (…A，…B。上述领导出席会议。).
    const referred = scopeEnd === sentenceEnd && text.slice(from, scopeEnd).trim() === '' ? REFERS_BACK.exec(text.slice(sentenceEnd + 1)) : null;
    const scope = referred ? referred[1] : text.slice(from, scopeEnd);
    // The evidence of a role read from the next sentence is both sentences.
    const said = referred ? text.slice(sentenceStart, Math.min(text.length, sentenceEnd + 2 + referred[0].length)) : sentence;
    let accompanying = false;
    let visiting = false;
    let acted = false;
    // A party of several (A，B，C等一行来到…勉励…): the first leads it and speaks for it, the others take part.
    const party = names.length > 1 && /^(等)?一行/.test(after);
    const headsParty = /^(等)?一行/.test(afterAddress);
    const giveAll = (role: Role) => names.forEach((n, k) => give(n, party && k > 0 ? 'attended' : role, said));
    // X对Y…表示祝贺: what Y did inside the phrase (一行到…走访) is no act of X's; X speaks.
    const towards = TOWARDS.exec(scope);
    for (let i = towards ? towards[0].length - towards[1].length : 0; i < scope.length; i++) {
      const length = cuesAfter.longestAt(scope, i);
      if (length === 0) continue;
      const cue = cuesAfter.get(scope.slice(i, i + length))!;
      // 组织 as a noun (组织活力, 党组织) is no act of organizing.
      // …nor one named by its kind (国际组织, 党组织, 基层组织) or its levels (各级政协组织).
      if (cue.cue === '组织' && (/^组织(活力|建设|力|部|的|法|领导|意图|保障|协调|纪律|生活|关系|程序|体系|振兴)/.test(scope.slice(i)) || /[际党层会团融济]$|级[\u4e00-\u9fff]{0,3}$/.test(scope.slice(0, i)))) continue;
      // …nor what the group asks or says others should organize (要求各乡镇…组织好).
      if (cue.role === 'organized' && /(要求|强调|指出|表示|提出|希望)/.test(scope.slice(0, i))) continue;
      // 肯定 as a noun (是对她工作的肯定) is no praising, unless given (给予充分的肯定); nor is a law's name
      // (地方组织法) organizing.
      if (cue.cue === '肯定' && scope[i - 1] === '的' && !/(给予|予以)[^，。；]{0,4}的$/.test(scope.slice(0, i))) continue;
      // A visit's verb inside a meeting's name (主持调研座谈会, 考察调研脱贫攻坚工作座谈会) is no visit of the group's.
      const visit = cue.role === 'led' && VISIT_VERB.test(cue.cue);
      if (visit && MEETING_NAMED_BY.test(scope.slice(i + cue.cue.length))) continue;
      // Visiting together with the one who leads is taking part (A，B一同调研), or accompanying him (随同调研); but
      // hosts meeting guests together lead (一同会见).
      const together = visit ? /(一同|一起|随同)$/.exec(scope.slice(0, i))?.[1] : undefined;
      if (together) {
        for (const n of names) give(n, together === '随同' ? 'accompanied' : 'attended', said);
        i += cue.cue.length - 1;
        continue;
      }
      // Signing takes part in an agreement's signing (签署…合作协议), not in issuing an order (签署命令).
      if ((cue.cue === '签署' || cue.cue === '签订') && !/^[^，。；]{0,24}?(协议|合同|备忘录|协定|意向书|条约|联合声明|公报)/.test(scope.slice(i + 2))) continue;
      // 交流 run on from a visit's verb (考察交流, 调研交流) is the visit, no speaking.
      if (cue.role === 'spoke' && cue.cue.startsWith('交流') && /(考察|调研|参观|学习)$/.test(scope.slice(0, i))) continue;
      // 率 alone leads only right after the group (X率安吉县代表团…, X等一行率…), not inside a word (效率).
      if (cue.cue === '率' && !/^(等|一行)?$/.test(scope.slice(0, i))) continue;
      // 在座谈会上 is no sitting in (在座).
      if (cue.cue === '在座' && scope[i + 2] === '谈') continue;
      // 会见时在座: sitting in during a meeting is no hosting it; nor is taking part in one (参加了会见, 参加调研).
      if (cue.role === 'led' && /^(会见|会晤|接见)(时|期间)/.test(scope.slice(i))) continue;
      if (cue.role === 'led' && /(参加|出席|列席|陪同)了?[^，。；]{0,4}$/.test(scope.slice(0, i))) continue;
      // Whom the group invites or hopes to take part (邀请各国使节出席…, 希望大家参加…) take part, not the group
      // (but 应邀出席, 受邀参加, 获邀出席: invited, the group itself attends).
      if (cue.role === 'attended' && /((?<![应受获])邀请?|希望|欢迎)[^，。；]{0,24}$/.test(scope.slice(0, i))) continue;
      // Declaring a meeting open is part of presiding it (主持并宣布会议开幕).
      if (cue.cue === '宣布' && scope.slice(0, i).includes('主持')) continue;
      // 工作报告 is a report's name (听取了政府工作报告), not 作报告, giving one.
      if (cue.cue === '作报告' && scope[i - 1] === '工') continue;
      // Hearing a report (听取汇报) is no reporting.
      if (cue.cue === '汇报' && /听(取)?了?[^，。；]{0,40}$/.test(scope.slice(0, i))) continue;
      // 一行 marks the party of the name right before it (李峰向杨某一行介绍: 杨某's party, not 李峰's).
      if (cue.cue === '一行' && !/^等?$/.test(scope.slice(0, i))) continue;
      // A party touring (X院长一行参观了…) is its visit, which its head leads.
      if (cue.role === 'attended' && /^(参观|观看)/.test(cue.cue) && headsParty) {
        giveAll('led');
        i += cue.cue.length - 1;
        continue;
      }
      // A later clause whose subject is others, unnamed, after the group's own act (X到…调研，人事处负责同志陪同):
      // theirs, not the group's (but A、B，镇直部门负责人列席: one list).
      if ((cue.role === 'accompanied' || cue.role === 'attended') && acted && OTHERS_ACT.test(scope.slice(0, i))) continue;
      acted = true;
      // Those who accompany a visit (陪同调研) do not lead it.
      if (cue.role === 'accompanied') accompanying = true;
      else if (accompanying && cue.role === 'led' && !cue.anchorsName) continue;
      // After a visit's verb, taking part describes whom the visit is to (看望参加报道的记者).
      if (cue.role === 'attended' && visiting) continue;
      if (cue.role === 'led' && !cue.anchorsName) visiting = true;
      if (cue.role === 'accompanied' || cue.role === 'attended') for (const n of names) give(n, cue.role, said);
      else giveAll(cue.role);
      i += cue.cue.length - 1;
    }
  });
  return out;
}

/**
 * Whether what stands between two persons joins them in one list: separators, with the body of the
 * next one's chain when the rules did not read it (、，宝山支行|行长X).
 */
function joins(between: string): boolean {
  if (JOINERS.test(between)) return true;
  // The post the name before is addressed by (A校长、B副校长): a list all the same.
  const prefix = /^(常务)?副|^代理?/.exec(between)?.[0].length ?? 0;
  const address = lexicon().postPhrases.longestAt(between, prefix);
  if (address > 0 && /^[、，,和与及]/.test(between.slice(prefix + address)) && JOINERS.test(between.slice(prefix + address))) return true;
  const m = /^(?:[、，,]|以及)+([^、，,]+)$/.exec(between);
  return m !== null && unreadBody(m[1]);
}

/** Whether a stretch names a body the rules may not have read: Han characters ending as bodies end (宝山支行, 大会主席团). */
function unreadBody(stretch: string): boolean {
  return /^[\u4e00-\u9fff]{2,16}$/.test(stretch) && orgEndingBefore(stretch, stretch.length, 0, 2) > 0 && !actIn(stretch);
}

/**
 * A clause's start less the places that open it (英国|伯明翰市|议员X, 澳大利亚|X州议员Y): a country or
 * city before a chain the rules did not read says whose the post is, as a level word does.
 */
function withoutLeadingPlaces(before: string): string {
  const { places } = markLexicon();
  let at = 0;
  for (let length = places.longestAt(before, at); length >= 2; length = places.longestAt(before, at)) {
    at += length;
    if (/[省市县区州]/.test(before[at] ?? '')) at++;
  }
  return before.slice(at);
}

/** Whether a stretch of text holds an act: a role word, or a preposition that opens an adverbial. */
function actIn(stretch: string): boolean {
  const { cuesAfter } = lexicon();
  for (let i = 0; i < stretch.length; i++) if (cuesAfter.longestAt(stretch, i) > 0) return true;
  return /[在对向由把被将][^、，]{0,20}$|[。！？：\n]/.test(stretch);
}

const HEADLINE_VERBS = /(隆重)?(召开|举行|开幕|闭幕|举办|开班|启动|结束|落幕)$/;

/** The event an article reports: its name and type, from the headline or the first sentence. */
export function describeEvent(headline: string | null, firstSentence: string): { name: string; type: string } | null {
  const { eventNouns } = lexicon();
  const nouns = [...eventNouns.keys()].sort((a, b) => b.length - a.length);
  for (const source of [headline ?? '', firstSentence]) {
    const noun = nouns.find((n) => source.includes(n));
    if (!noun) continue;
    const name = source === headline ? source.replace(HEADLINE_VERBS, '') : source.slice(0, source.indexOf(noun) + noun.length);
    return { name: name.replace(/^.*[，：]/, ''), type: eventNouns.get(noun)! };
  }
  return null;
}
