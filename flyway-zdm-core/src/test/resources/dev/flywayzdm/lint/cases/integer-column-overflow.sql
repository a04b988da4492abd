-- case: a reference to an id as int
CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id integer, quantity int); -- expect: integer-column-overflow

-- case: a smallint counter added to a table
ALTER TABLE orders ADD COLUMN retry_count smallint; -- expect: integer-column-overflow

-- case: an int primary key is prefer-bigint-primary-key's business
CREATE TABLE tags (id int PRIMARY KEY, name text); -- expect: prefer-bigint-primary-key

-- case: a plain measure such as a quantity looks like an int id but is bounded
CREATE TABLE order_lines (id bigint PRIMARY KEY, quantity int, position smallint);

-- case: a bigint reference
CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint);
