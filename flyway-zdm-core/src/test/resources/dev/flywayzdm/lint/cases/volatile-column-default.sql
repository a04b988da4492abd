-- case: gen_random_uuid() is computed per row: table rewrite
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid(); -- expect: volatile-column-default

-- case: clock_timestamp() is volatile
ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp(); -- expect: volatile-column-default

-- case: random() inside an expression
ALTER TABLE orders ADD COLUMN bucket int NOT NULL DEFAULT (random() * 10)::int; -- expect: volatile-column-default

-- case: nextval() of a sequence
ALTER TABLE orders ADD COLUMN seq bigint DEFAULT nextval('orders_seq'); -- expect: volatile-column-default

-- case: uuid-ossp's uuid_generate_v4()
ALTER TABLE orders ADD COLUMN IF NOT EXISTS token uuid DEFAULT uuid_generate_v4(); -- expect: volatile-column-default

-- case: before PostgreSQL 11 any default rewrites
-- options: pg=10
ALTER TABLE orders ADD COLUMN status text DEFAULT 'open'; -- expect: volatile-column-default

-- case: now() is stable: evaluated once, stored in the catalog
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- case: CURRENT_TIMESTAMP is stable
ALTER TABLE orders ADD COLUMN updated_at timestamptz DEFAULT CURRENT_TIMESTAMP;

-- case: a constant default
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'open';

-- case: SET DEFAULT on an existing column only affects new rows
ALTER TABLE orders ALTER COLUMN public_id SET DEFAULT gen_random_uuid();

-- case: a volatile default on a new table
CREATE TABLE sessions (id uuid DEFAULT gen_random_uuid());
ALTER TABLE sessions ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- case: DEFAULT NULL is no default at all, even before 11
-- options: pg=10
ALTER TABLE orders ADD COLUMN note text DEFAULT NULL;
