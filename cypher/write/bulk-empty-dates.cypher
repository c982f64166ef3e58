// After a bulk import (src/store/neo4j-bulk.ts): the importer leaves out an empty list, which the
// incremental writer stores as []: an event no report gave a date. Run auto-commit.
MATCH (n:Event)
WHERE n.dates IS NULL
CALL (n) { SET n.dates = [] } IN TRANSACTIONS OF 50000 ROWS
