-- case: changing the access method rewrites the table
-- options: pg=15
ALTER TABLE events SET ACCESS METHOD columnar; -- expect: set-access-method-rewrite

-- case: among other actions it still rewrites
-- options: pg=16
ALTER TABLE events SET ACCESS METHOD heap2, SET (fillfactor = 90); -- expect: set-access-method-rewrite

-- case: a table created in this run is empty
-- options: pg=15
CREATE TABLE events_new (id bigint) USING heap;
ALTER TABLE events_new SET ACCESS METHOD columnar;

-- case: SET (storage parameter) looks like SET ACCESS METHOD but rewrites nothing
ALTER TABLE events SET (autovacuum_vacuum_scale_factor = 0.01);

-- case: CREATE ACCESS METHOD is not a table change
CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
