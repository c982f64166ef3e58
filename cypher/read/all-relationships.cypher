// Every relationship between graph nodes, with its endpoints' labels and ids.
MATCH (a)-[r]->(b)
WHERE NOT a:Document AND NOT b:Document
RETURN type(r) AS type,
       [l IN labels(a) WHERE l IN ['Person', 'Organization', 'Place', 'Event', 'Article']][0] AS fromLabel, a.id AS fromId,
       [l IN labels(b) WHERE l IN ['Person', 'Organization', 'Place', 'Event', 'Article']][0] AS toLabel, b.id AS toId,
       properties(r) AS props
