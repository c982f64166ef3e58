/**
 * The provenance of each role of a participation: a person who attended and spoke has the attendance
 * sentence as the evidence of `attended` and the speech sentence as that of `spoke`
 * (PARTICIPATED_IN.evidence, aligned with `roles`). A participation stored before the per-role
 * sentences were kept has none: each role then falls back on its one `sentence`.
 */
import type { Provenance, RelPropsByType } from '../graph/model.js';

type Participation = RelPropsByType['PARTICIPATED_IN'];

/** The provenance of roles[i]: the participation's, with the sentence that gave that role. */
export function roleProvenance(p: Participation, i: number): Provenance {
  // Read from an older store, `evidence` may be missing although the model requires it.
  const sentence = (p.evidence as string[] | undefined)?.[i] || p.sentence;
  return { article: p.article, sentence, date: p.date };
}

/** The provenance of every role, aligned with `roles`. */
export function roleProvenances(p: Participation): Provenance[] {
  return p.roles.map((_, i) => roleProvenance(p, i));
}
