// Persons and events that no article speaks of any more (after a changed document was read again).
MATCH (n)
WHERE (n:Person OR n:Event) AND NOT (n)--()
DELETE n
