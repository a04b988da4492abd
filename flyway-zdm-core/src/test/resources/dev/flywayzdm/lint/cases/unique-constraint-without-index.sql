-- case: ADD UNIQUE builds the index under ACCESS EXCLUSIVE
ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number); -- expect: unique-constraint-without-index

-- case: ADD PRIMARY KEY does too, and scans for NULLs
ALTER TABLE orders ADD PRIMARY KEY (id); -- expect: unique-constraint-without-index

-- case: index parameters are not USING INDEX
ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE (number) USING INDEX TABLESPACE fast; -- expect: unique-constraint-without-index

-- case: an inline UNIQUE on a new column builds an index too
ALTER TABLE orders ADD COLUMN code text UNIQUE; -- expect: unique-constraint-without-index

-- case: adopting an index built concurrently
ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_idx;

-- case: primary key adopting an index
ALTER TABLE orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_id_idx;

-- case: on a new table
CREATE TABLE codes (id bigint, code text);
ALTER TABLE codes ADD CONSTRAINT codes_code_key UNIQUE (code);
