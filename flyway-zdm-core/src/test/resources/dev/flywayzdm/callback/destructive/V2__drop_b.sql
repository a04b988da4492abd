-- drop table t would be worse; this only drops a column
ALTER TABLE t ADD COLUMN c text DEFAULT 'drop table t';
ALTER TABLE t DROP COLUMN b;
