-- case: the ignore matches the finding on the next statement
-- zdm:ignore require-concurrent-index-creation table has under 1000 rows in every environment
CREATE INDEX orders_note_idx ON orders (note);

-- case: ignore-file covers every statement
-- zdm:ignore-file require-concurrent-index-creation lookup table, 20 rows
CREATE INDEX countries_name_idx ON countries (name);
CREATE INDEX countries_code_idx ON countries (code);

-- case: an ignore for a rule that does not fire
-- zdm:ignore drop-table reviewed -- expect: unused-suppression
CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);

-- case: an ignore applies to the next statement only
-- zdm:ignore require-concurrent-index-creation small table -- expect: unused-suppression
SELECT 1;
CREATE INDEX orders_note_idx ON orders (note); -- expect: require-concurrent-index-creation

-- case: an unused ignore-file
-- zdm:ignore-file prefer-jsonb no json here -- expect: unused-suppression
CREATE TABLE notes (id bigint, body text);

-- case: one ignore can name several rules
-- options: callback=off
-- zdm:ignore require-concurrent-index-creation,require-lock-timeout table is tiny
CREATE INDEX orders_note_idx ON orders (note);

-- case: an ignore before a DO block covers the statements inside it
-- zdm:ignore unbatched-backfill orders has 12 rows
DO $$
BEGIN
  UPDATE orders SET status = 'open';
END
$$;
