-- case: timestamp without time zone
CREATE TABLE events (id bigint, happened_at timestamp); -- expect: prefer-timestamptz

-- case: spelled out, with precision
ALTER TABLE orders ADD COLUMN shipped_at timestamp(3) without time zone; -- expect: prefer-timestamptz

-- case: timestamptz
CREATE TABLE events (id bigint, happened_at timestamptz);

-- case: timestamp with time zone spelled out
ALTER TABLE orders ADD COLUMN shipped_at timestamp with time zone;
