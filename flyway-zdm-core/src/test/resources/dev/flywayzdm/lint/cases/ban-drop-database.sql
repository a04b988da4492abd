-- case: never in a migration
DROP DATABASE shop; -- expect: ban-drop-database

-- case: not even in a contract step
-- file: V3__contract.sql
-- zdm:contract expand=2
DROP DATABASE IF EXISTS shop_old; -- expect: ban-drop-database

-- case: DROP SCHEMA is something else
DROP SCHEMA IF EXISTS scratch;
