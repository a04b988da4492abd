-- case: computed and stored for every existing row
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED; -- expect: add-stored-generated-column

-- case: lower case
alter table orders add column search tsvector generated always as (to_tsvector('simple', note)) stored; -- expect: add-stored-generated-column

-- case: PostgreSQL 18 virtual generated column is computed on read
-- options: pg=18
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100);

-- case: on a new table
CREATE TABLE lines (qty int, price numeric);
ALTER TABLE lines ADD COLUMN amount numeric GENERATED ALWAYS AS (qty * price) STORED;
