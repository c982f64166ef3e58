// The events held at a place or anywhere inside it (venues, districts), in a date range (YYYY-MM-DD, both ends optional).
// params: place, from?, to?
MATCH (root:Place {name: $place})
MATCH (pl:Place)-[:PART_OF|LOCATED_IN*0..]->(root)
MATCH (e:Event)-[:HELD_AT]->(pl)
WHERE ($from IS NULL OR e.date >= $from) AND ($to IS NULL OR e.date <= $to)
WITH DISTINCT e, pl
RETURN e.name AS event, e.type AS type, e.date AS date, pl.name AS place,
       COUNT { MATCH (p:Person)-[:PARTICIPATED_IN]->(e) RETURN DISTINCT p } AS participants,
       e.id AS event_id, pl.id AS place_id
ORDER BY date, event, place
