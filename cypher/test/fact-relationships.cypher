// Every relationship with its endpoints (labels and ids), properties and each property's type
// (tests/support/graph-facts.ts).
MATCH (a)-[r]->(b)
RETURN type(r) AS type, labels(a) AS fromLabels, a.id AS fromId, labels(b) AS toLabels, b.id AS toId,
       properties(r) AS props, [k IN keys(r) | k + ': ' + valueType(r[k])] AS types
