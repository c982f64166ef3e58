/**
 * The tables of the embedded store (docs/embedded-store.md). The graph is kept as nodes and edges
 * with indexes for the reads the viewer and the named queries make, and each document's support of
 * them, so that replacing or removing a document takes out exactly what only it gave.
 *
 * Keys: a node by its graphology key (`Person:王自合@许昌市`); an edge by a 64-bit hash of its
 * relationship key (src/store/key-hash.ts), which keeps the largest index small. `seq` columns keep
 * the order of first insertion, which is the order the in-memory graph would have.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS info (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS documents (
  seq      INTEGER PRIMARY KEY,
  id       TEXT NOT NULL UNIQUE,
  hash     TEXT NOT NULL,
  path     TEXT,
  -- 0 while a document stored in parts still waits for its last part
  complete INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS nodes (
  seq    INTEGER PRIMARY KEY,
  key    TEXT NOT NULL UNIQUE,
  label  TEXT NOT NULL,
  -- what the viewer shows (an article's headline), and its lower case for search
  name   TEXT NOT NULL,
  folded TEXT NOT NULL,
  -- a person's region, an event's or article's date: the search suggestion's detail
  detail TEXT,
  props  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_by_name ON nodes (name, label);
-- events by date: the who-met-whom view and the time slider read one period, or count by day
CREATE INDEX IF NOT EXISTS nodes_by_label_detail ON nodes (label, detail);

-- Edges at each node, apart from the node's row: kept up to date on every write, and a row this
-- small is cheap to rewrite.
CREATE TABLE IF NOT EXISTS node_degree (
  node   INTEGER PRIMARY KEY,
  degree INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS edges (
  seq    INTEGER PRIMARY KEY,
  hash   INTEGER NOT NULL UNIQUE,
  type   TEXT NOT NULL,
  source INTEGER NOT NULL,
  target INTEGER NOT NULL,
  props  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS edges_out ON edges (source, type);
CREATE INDEX IF NOT EXISTS edges_in ON edges (target, type);

-- What each document gave a node (merged across the document's parts): the node's properties are
-- these merged in document order, as the in-memory graph merges them (remergedProps).
CREATE TABLE IF NOT EXISTS node_support (
  node     INTEGER NOT NULL,
  document INTEGER NOT NULL,
  props    TEXT NOT NULL,
  PRIMARY KEY (node, document)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS node_support_by_document ON node_support (document);

CREATE TABLE IF NOT EXISTS edge_support (
  edge     INTEGER NOT NULL,
  document INTEGER NOT NULL,
  PRIMARY KEY (edge, document)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edge_support_by_document ON edge_support (document);

-- Each article's text, by the article's id, with the document that gave it (DocumentFacts.texts).
CREATE TABLE IF NOT EXISTS article_texts (
  article  TEXT PRIMARY KEY,
  document INTEGER NOT NULL,
  text     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_texts_by_document ON article_texts (document);

-- Nodes by label and relationships by type, kept as writes go: counting two million edges takes longer than opening should.
CREATE TABLE IF NOT EXISTS counts (
  name TEXT PRIMARY KEY,
  n    INTEGER NOT NULL
) WITHOUT ROWID;
`;
