// Empties the tests' database, in batches, keeping the marker that says the tests own it.
MATCH (n)
WHERE NOT n:GuanxiTestDatabase
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
