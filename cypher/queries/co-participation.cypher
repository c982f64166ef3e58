// The events two people both took part in; without b, everyone who took part in an event with a.
// params: a, b?
MATCH (p1:Person {name: $a})-[r1:PARTICIPATED_IN]->(e:Event)<-[r2:PARTICIPATED_IN]-(p2:Person)
WHERE p1 <> p2 AND ($b IS NULL OR p2.name = $b)
WITH p1, p2, e, collect(r1.roles) AS rolesA, collect(r2.roles) AS rolesB
RETURN p1.name AS a, p2.name AS b, e.name AS event, e.date AS date,
       [x IN ['led', 'accompanied', 'attended', 'spoke', 'presided', 'organized'] WHERE any(rs IN rolesA WHERE x IN rs)] AS roles_a,
       [x IN ['led', 'accompanied', 'attended', 'spoke', 'presided', 'organized'] WHERE any(rs IN rolesB WHERE x IN rs)] AS roles_b,
       p1.id AS a_id, p2.id AS b_id, e.id AS event_id
ORDER BY b, date, event
