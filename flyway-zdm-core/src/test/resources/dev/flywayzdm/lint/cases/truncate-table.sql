-- case: TRUNCATE deletes every row under ACCESS EXCLUSIVE
TRUNCATE orders; -- expect: truncate-table

-- case: TRUNCATE TABLE ... CASCADE also empties referencing tables
TRUNCATE TABLE ONLY orders CASCADE; -- expect: truncate-table

-- case: in a contract step
-- file: V3__contract.sql
-- zdm:contract expand=2
TRUNCATE audit_log;

-- case: a table created in this run
CREATE TABLE staging (id int);
TRUNCATE staging;
