-- case: json column in a new table
CREATE TABLE events (id bigint, payload json); -- expect: prefer-jsonb

-- case: json column added
ALTER TABLE orders ADD COLUMN extra json; -- expect: prefer-jsonb

-- case: jsonb
CREATE TABLE events (id bigint, payload jsonb);

-- case: a column named json is not a json column
CREATE TABLE events (id bigint, json text);
