// The officials of an organization and of the bodies under it (PART_OF), with their titles and when they were seen.
// params: org
MATCH (root:Organization {name: $org})
MATCH (o:Organization)-[:PART_OF*0..]->(root)
MATCH (p:Person)-[h:HOLDS]->(o)
RETURN o.name AS organization, p.name AS person, p.id AS person_id, h.title AS title,
       min(h.date) AS first_seen, max(h.date) AS last_seen, count(DISTINCT h.article) AS articles, o.id AS organization_id
ORDER BY organization, person, title
