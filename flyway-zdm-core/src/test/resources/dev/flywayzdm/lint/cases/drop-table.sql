-- case: queries of the running version fail
DROP TABLE legacy_orders; -- expect: drop-table

-- case: several tables, one of them existing
CREATE TABLE tmp (id int);
DROP TABLE IF EXISTS tmp, legacy_orders CASCADE; -- expect: drop-table

-- case: in a contract step
-- file: V5__contract.sql
-- zdm:contract expand=4
DROP TABLE legacy_orders;

-- case: a scratch table of this run
CREATE TABLE tmp_import (id int);
DROP TABLE tmp_import;

-- case: DROP VIEW is not DROP TABLE
DROP VIEW order_summary;
