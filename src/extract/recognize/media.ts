/**
 * News outlets named in a story (人民日报、光明日报等媒体; 《安徽日报》; 省广播电视台): bodies of
 * their own in the news a regional site prints. PFR marks none (人民日报/nz), so the caller asks for
 * them only in a regional outlet's story.
 */
import { markLexicon } from '../ner/lexicon-marks.js';
import { orgMention, type OrgMention } from './organizations.js';

// What a news outlet's name ends with.
const OUTLET_ENDING = /(?:日报|晚报|早报|商报|青年报|法治报|法制报|报社|电视台|广播电台|广播电视台|广播电视总台|通讯社)(?![记者]|[社台]长)/g;
// National words that open outlets' names (人民日报, 光明日报, 经济日报, 中央广播电视总台).
const NATIONAL_STEM = /^(?:人民|光明|经济|科技|工人|农民|中国|中央|解放军|法制|新华|南方)$/;
// Where an outlet's name begins: after a separator, a bracket or a quote.
const BEFORE_NAME = /[、，,。：；“”《（(\s]/;

/** The outlets a text names, each from a division's name or a national word to its ending. */
export function findMedia(text: string): OrgMention[] {
  const { places } = markLexicon();
  const out: OrgMention[] = [];
  for (const m of text.matchAll(OUTLET_ENDING)) {
    const at = m.index!;
    let start = at;
    while (start > 0 && at - start < 6 && !BEFORE_NAME.test(text[start - 1])) start--;
    if (start > 0 && !BEFORE_NAME.test(text[start - 1])) continue;
    const stem = text.slice(start, at);
    if (stem.length < 1) continue;
    // The stem is a place's name (安徽, 许昌, 省 of 省广播电视台) or a national word.
    const placeNamed = places.longestAt(text, start) === stem.length || /^[省市县区]$/.test(stem);
    if (!placeNamed && !NATIONAL_STEM.test(stem)) continue;
    const end = at + m[0].length;
    out.push(orgMention({ start, end, text: text.slice(start, end), resolved: text.slice(start, end), system: 'other', whole: true, media: true }));
  }
  return out;
}
