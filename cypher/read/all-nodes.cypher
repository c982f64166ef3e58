// Every node of the graph (not the Document bookkeeping), for export and the viewer.
MATCH (n)
WHERE n:Person OR n:Organization OR n:Place OR n:Event OR n:Article
RETURN [l IN labels(n) WHERE l IN ['Person', 'Organization', 'Place', 'Event', 'Article']][0] AS label, properties(n) AS props
