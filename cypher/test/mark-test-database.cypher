// Marks the database as the tests' own: only a database with this marker (or an empty one) is wiped.
MERGE (:GuanxiTestDatabase {note: 'created by guanxi tests; the tests wipe every other node of this database'})
