-- case: a 64-character index name is cut to 63
CREATE INDEX CONCURRENTLY orders_customer_id_created_at_status_region_country_city_idx_xyz ON orders (customer_id); -- expect: identifier-too-long

-- case: a long quoted column name counts bytes, not characters
-- options: in-transaction=false
ALTER TABLE orders ADD COLUMN "ääääääääääääääääääääääääääääääääää" text; -- expect: identifier-too-long

-- case: 63 bytes is the limit and allowed
CREATE TABLE a23456789012345678901234567890123456789012345678901234567890123 (id bigint);

-- case: long string constants are not identifiers
ALTER TABLE orders ALTER COLUMN note SET DEFAULT 'this is a rather long default text that is longer than sixty-three bytes';
