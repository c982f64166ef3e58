// Node counts by label and relationship counts by type (what "ingesting twice changes nothing" compares).
CALL () {
  MATCH (n) RETURN labels(n)[0] AS name, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count
}
RETURN name, count ORDER BY name
