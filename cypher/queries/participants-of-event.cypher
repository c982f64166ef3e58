// Who took part in an event (its name or part of it; a date narrows it) and in what role.
// params: event, date?
MATCH (e:Event)
WHERE e.name CONTAINS $event AND ($date IS NULL OR e.date = $date)
MATCH (p:Person)-[r:PARTICIPATED_IN]->(e)
RETURN e.name AS event, e.date AS date, p.name AS person, p.id AS person_id, r.roles AS roles,
       r.article AS article, r.sentence AS evidence, e.id AS event_id
ORDER BY date, event, person, article
