// Who served in the same organization as a person at the same time: the days both were seen there overlap (on a given date, if one is given); the colleague's titles there, and the overlap.
// params: name, date?
MATCH (p:Person {name: $name})-[h:HOLDS]->(o:Organization)<-[k:HOLDS]-(c:Person)
WHERE c <> p
WITH p, o, c, h, k ORDER BY k.title
WITH p, o, c, min(h.date) AS pf, max(h.date) AS pt, min(k.date) AS cf, max(k.date) AS ct, collect(DISTINCT k.title) AS titles
WHERE pf IS NOT NULL AND cf IS NOT NULL AND pf <= ct AND cf <= pt
WITH p, o, c, titles, CASE WHEN pf > cf THEN pf ELSE cf END AS from, CASE WHEN pt < ct THEN pt ELSE ct END AS to
WHERE $date IS NULL OR (from <= $date AND $date <= to)
RETURN p.name AS person, c.name AS colleague, o.name AS organization, titles, from, to,
       p.id AS person_id, c.id AS colleague_id, o.id AS organization_id
ORDER BY person_id, organization, from, colleague, colleague_id
