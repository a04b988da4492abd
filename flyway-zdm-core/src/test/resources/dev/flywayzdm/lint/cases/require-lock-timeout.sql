-- case: an ALTER without lock_timeout
-- options: callback=off
ALTER TABLE orders ADD COLUMN note text; -- expect: require-lock-timeout

-- case: reported once per file
-- options: callback=off
ALTER TABLE orders ADD COLUMN note text, ADD COLUMN region text; -- expect: require-lock-timeout
CREATE INDEX orders_note_idx ON orders (note);

-- case: SET LOCAL lock_timeout first
-- options: callback=off
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text;

-- case: session-level SET works too
-- options: callback=off
SET lock_timeout TO 3000;
DROP INDEX orders_old_idx;

-- case: set_config with is_local
-- options: callback=off
SELECT set_config('lock_timeout', '2s', true);
ALTER TABLE orders ADD COLUMN note text;

-- case: lock_timeout 0 means wait forever
-- options: callback=off
SET lock_timeout = 0;
ALTER TABLE orders ADD COLUMN note text; -- expect: require-lock-timeout

-- case: set after the statement is too late
-- options: callback=off
ALTER TABLE orders ADD COLUMN note text; -- expect: require-lock-timeout
SET LOCAL lock_timeout = '5s';

-- case: RESET turns it off again
-- options: callback=off
SET lock_timeout = '5s';
RESET lock_timeout;
TRUNCATE orders; -- expect: require-lock-timeout

-- case: the flyway-zdm callback sets it for every migration
-- options: callback=on
ALTER TABLE orders ADD COLUMN note text;

-- case: statements on new tables take locks nobody waits for
-- options: callback=off
CREATE TABLE drafts (id bigint);
ALTER TABLE drafts ADD COLUMN title text;

-- case: plain DML takes no blocking table lock
-- options: callback=off
UPDATE orders SET note = 'x' WHERE id = 1;

-- case: SET LOCAL outside a transaction has no effect
-- options: callback=off in-transaction=false
SET LOCAL lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN note text; -- expect: require-lock-timeout
