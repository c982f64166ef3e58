/**
 * The acts a sentence can do to a post, apart from src/graph/post-acts.ts that reads their forms from
 * data/lang/post-acts.tsv: the graph model and the viewer need the names, not the files.
 */
export const POST_ACTS = ['appointed', 'elected', 'concurrent', 'removed'] as const;
export type PostAct = (typeof POST_ACTS)[number];
