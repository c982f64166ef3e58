// Who held a post (a title in an organization), first and last seen; given a date, whether each was its holder then, a predecessor (last seen before) or a successor (first seen after).
// params: title, org, date?
MATCH (p:Person)-[h:HOLDS {title: $title}]->(o:Organization {name: $org})
WITH p, o, min(h.date) AS from, max(h.date) AS to, count(DISTINCT h.article) AS articles, head(collect(h.rank)) AS rank
RETURN p.name AS person, $title AS title, o.name AS organization, rank, from, to,
       CASE
         WHEN $date IS NULL OR from IS NULL THEN null
         WHEN to < $date THEN 'predecessor'
         WHEN from > $date THEN 'successor'
         ELSE 'holder'
       END AS relation,
       articles, p.id AS person_id, o.id AS organization_id
ORDER BY from, person, person_id
