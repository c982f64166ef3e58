// The events a person took part in: roles, date, places, and the article and sentence it was read from.
// params: name
MATCH (p:Person {name: $name})-[r:PARTICIPATED_IN]->(e:Event)
OPTIONAL MATCH (e)-[:HELD_AT]->(pl:Place)
OPTIONAL MATCH (a:Article {id: r.article})
WITH p, e, r, a, pl ORDER BY pl.name
WITH p, e, r, a, collect(DISTINCT pl.name) AS places
RETURN p.id AS person, e.name AS event, e.type AS type, r.date AS date, r.roles AS roles,
       places, a.headline AS headline, r.article AS article, r.sentence AS evidence, e.id AS event_id
ORDER BY date, event, article
