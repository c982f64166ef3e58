// A person's titles over time: each title with its organization (if the text gives one), date and source.
// params: name
MATCH (p:Person {name: $name})
CALL (p) {
  MATCH (p)-[h:HOLDS]->(o:Organization)
  RETURN h.title AS title, o.name AS organization, h.date AS date, h.article AS article, h.sentence AS evidence, o.id AS organization_id
  UNION ALL
  MATCH (:Article)-[m:MENTIONS]->(p)
  UNWIND m.titles AS t
  RETURN t AS title, null AS organization, m.date AS date, m.article AS article, m.sentence AS evidence, null AS organization_id
}
RETURN p.id AS person, title, organization, date, article, evidence, organization_id
ORDER BY date, person, organization, title
