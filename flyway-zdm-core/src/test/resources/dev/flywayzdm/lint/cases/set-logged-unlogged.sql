-- case: SET LOGGED copies the table through the WAL
ALTER TABLE imports SET LOGGED; -- expect: set-logged-unlogged

-- case: SET UNLOGGED rewrites too
ALTER TABLE orders SET UNLOGGED; -- expect: set-logged-unlogged

-- case: storage parameters are changed in place
ALTER TABLE orders SET (fillfactor = 90);

-- case: a new table
CREATE UNLOGGED TABLE staging (id bigint);
ALTER TABLE staging SET LOGGED;
