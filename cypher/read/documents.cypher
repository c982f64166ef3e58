// Every stored document: its id, content hash and the file it was read from (null if stored before paths were kept).
MATCH (d:Document)
RETURN d.id AS id, d.hash AS hash, d.path AS path
ORDER BY id
