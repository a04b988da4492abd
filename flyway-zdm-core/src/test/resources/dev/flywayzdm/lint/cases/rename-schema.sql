-- case: qualified names of the running version break
ALTER SCHEMA billing RENAME TO invoicing; -- expect: rename-schema

-- case: changing the schema's owner looks similar but keeps its name
ALTER SCHEMA billing OWNER TO app_owner;

-- case: moving a table to another schema is rename-table's business
ALTER TABLE orders SET SCHEMA archive;
