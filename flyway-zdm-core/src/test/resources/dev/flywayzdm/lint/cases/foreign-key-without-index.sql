-- case: a foreign key on an existing table with no index on its column
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID; -- expect: foreign-key-without-index

-- case: an inline REFERENCES on an added column
ALTER TABLE order_lines ADD COLUMN product_id bigint REFERENCES products (id); -- expect: foreign-key-without-index

-- case: an index that starts with another column does not serve the lookup
-- file: V1__idx.sql
CREATE INDEX CONCURRENTLY order_lines_sku_order_idx ON order_lines (sku, order_id);
-- file: V2__fk.sql
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID; -- expect: foreign-key-without-index

-- case: an index built concurrently in an earlier migration supports it
-- file: V1__idx.sql
CREATE INDEX CONCURRENTLY order_lines_order_idx ON order_lines USING btree (order_id, created_at);
-- file: V2__fk.sql
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;

-- case: a composite key covered by a primary key in another column order
-- options: start-after=1
-- file: V1__applied.sql
CREATE TABLE shipments (order_id bigint, line_no int, PRIMARY KEY (line_no, order_id));
-- file: V2__fk.sql
ALTER TABLE shipments ADD FOREIGN KEY (order_id, line_no) REFERENCES order_lines (order_id, line_no) NOT VALID;

-- case: an expression index on the column looks like support but lookups by the plain column cannot use it
-- file: V1__idx.sql
CREATE INDEX CONCURRENTLY order_lines_order_text_idx ON order_lines ((order_id::text));
-- file: V2__fk.sql
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID; -- expect: foreign-key-without-index

-- case: a new table's foreign key, whose index comes later in the same file
CREATE TABLE notes (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
CREATE INDEX notes_order_idx ON notes (order_id);
