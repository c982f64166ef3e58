// Drops the constraints and indexes of cypher/schema.cypher (a test shows read-only commands do not create them).
DROP CONSTRAINT person_id IF EXISTS;
DROP CONSTRAINT organization_id IF EXISTS;
DROP CONSTRAINT place_id IF EXISTS;
DROP CONSTRAINT event_id IF EXISTS;
DROP CONSTRAINT article_id IF EXISTS;
DROP CONSTRAINT document_id IF EXISTS;
DROP INDEX person_name IF EXISTS;
DROP INDEX organization_name IF EXISTS;
DROP INDEX place_name IF EXISTS;
DROP INDEX event_name IF EXISTS;
DROP INDEX event_date IF EXISTS;
DROP INDEX article_document IF EXISTS;
