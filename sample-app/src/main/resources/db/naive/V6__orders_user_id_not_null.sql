-- naive: SET NOT NULL scans the whole table under ACCESS EXCLUSIVE (no reads, no writes).
ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL;
