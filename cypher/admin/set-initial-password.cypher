// Replaces the default password of a server first started with authentication off (scripts/neo4j.mjs),
// run on the system database as the user neo4j with the password neo4j.
ALTER CURRENT USER SET PASSWORD FROM $old TO $new
