/**
 * The ranks (级别) themselves and their order, apart from the rules of src/graph/ranks.ts that read
 * data/lang/ranks.tsv: the graph model and the viewer need the names and the order, not the files.
 */

/** Lowest first: a rank's order is its index + 1 (副科级 1 … 正国级 10). */
export const RANKS = ['副科级', '正科级', '副处级', '正处级', '副厅级', '正厅级', '副部级', '正部级', '副国级', '正国级'] as const;
export type Rank = (typeof RANKS)[number];

export function rankOrder(rank: Rank): number {
  return RANKS.indexOf(rank) + 1;
}

export function isRank(s: string): s is Rank {
  return (RANKS as readonly string[]).includes(s);
}
