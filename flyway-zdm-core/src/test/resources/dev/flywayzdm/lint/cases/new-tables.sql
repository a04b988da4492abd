-- case: everything on a brand-new table is safe
-- options: callback=off
CREATE TABLE coupons (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text);
CREATE UNIQUE INDEX coupons_code_key ON coupons (code);
ALTER TABLE coupons ADD COLUMN valid_until timestamptz NOT NULL DEFAULT now();
ALTER TABLE coupons ADD CONSTRAINT coupons_code_check CHECK (length(code) > 3);
ALTER TABLE coupons ADD COLUMN customer_id bigint REFERENCES customers (id);
ALTER TABLE coupons ALTER COLUMN code SET NOT NULL;

-- case: IF NOT EXISTS, quoted and qualified names
CREATE TABLE IF NOT EXISTS ${schema}."Coupons" (id bigint);
CREATE INDEX "Coupons_id_idx" ON "Coupons" (id);

-- case: quoted names keep their case, so a different spelling is another table
CREATE TABLE "Coupons" (id bigint);
CREATE INDEX coupons_id_idx ON coupons (id); -- expect: require-concurrent-index-creation

-- case: a dropped and recreated table is new again
DROP TABLE IF EXISTS tmp_import; -- expect: drop-table
CREATE TABLE tmp_import (id bigint);
CREATE INDEX tmp_import_idx ON tmp_import (id);

-- case: a populated materialized view is not empty
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) FROM orders GROUP BY 1;
CREATE INDEX order_totals_idx ON order_totals (customer_id); -- expect: require-concurrent-index-creation

-- case: a materialized view created WITH NO DATA is empty
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) FROM orders GROUP BY 1 WITH NO DATA;
CREATE INDEX order_totals_idx ON order_totals (customer_id);
