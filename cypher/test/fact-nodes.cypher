// Every node but the tests' marker, with its labels, properties and each property's type: what two
// databases must agree on to hold the same graph (tests/support/graph-facts.ts).
MATCH (n)
WHERE NOT n:GuanxiTestDatabase
RETURN labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + ': ' + valueType(n[k])] AS types
