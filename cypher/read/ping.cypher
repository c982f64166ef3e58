// Answers 1 on the configured database: connecting checks that the server answers and the database exists.
RETURN 1 AS one
