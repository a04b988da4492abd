-- the expand fails: the table it indexes does not exist
CREATE INDEX CONCURRENTLY users_name_idx ON no_such_table (name);
