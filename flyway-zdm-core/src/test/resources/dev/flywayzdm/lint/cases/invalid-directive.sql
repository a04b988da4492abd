-- case: ignore without a reason
-- zdm:ignore require-concurrent-index-creation -- expect: invalid-directive
CREATE INDEX orders_note_idx ON orders (note); -- expect: require-concurrent-index-creation

-- case: ignore naming an unknown rule
-- zdm:ignore require-concurrent-index because the table is tiny -- expect: invalid-directive
CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);

-- case: contract without expand version
-- file: V4__contract.sql
-- zdm:contract -- expect: invalid-directive
SELECT 1;

-- case: contract naming a later expand step
-- file: V4__contract.sql
-- zdm:contract expand=7 -- expect: invalid-directive
SELECT 1;

-- case: contract with a soak that is not a duration
-- file: V4__contract.sql
-- zdm:contract expand=3 soak=forever -- expect: invalid-directive
SELECT 1;

-- case: allow destructive without reason
-- zdm:allow destructive -- expect: invalid-directive
SELECT 1;

-- case: unknown directive
-- zdm:skip everything -- expect: invalid-directive
SELECT 1;

-- case: well-formed directives
-- file: V4__contract.sql
-- zdm:contract expand=3 soak=2h
-- zdm:allow destructive old column unused since 2.0
-- zdm:ignore-file prefer-jsonb payloads are opaque
CREATE TABLE raw_events (payload json);

-- case: a directive inside a string is just text
SELECT '-- zdm:skip this';
