-- case: serial in a new table
CREATE TABLE tags (id serial PRIMARY KEY, name text); -- expect: prefer-identity, prefer-bigint-primary-key

-- case: bigserial is serial too
CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz); -- expect: prefer-identity

-- case: an identity column
CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at timestamptz);

-- case: a column named serial_no looks like serial but is text
CREATE TABLE devices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, serial_no text);
