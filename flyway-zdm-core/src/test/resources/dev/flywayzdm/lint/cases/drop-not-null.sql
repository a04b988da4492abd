-- case: old readers assume the column is never null
ALTER TABLE orders ALTER COLUMN shipped_at DROP NOT NULL; -- expect: drop-not-null

-- case: without the COLUMN keyword
ALTER TABLE orders ALTER note DROP NOT NULL; -- expect: drop-not-null

-- case: SET NOT NULL is the opposite change
ALTER TABLE orders ADD CONSTRAINT orders_note_nn CHECK (note IS NOT NULL) NOT VALID;

-- case: DROP DEFAULT looks like it but keeps the column non-null
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;

-- case: a table created in this run has no old readers
CREATE TABLE drafts (id bigint, title text NOT NULL);
ALTER TABLE drafts ALTER COLUMN title DROP NOT NULL;
