-- case: int primary key
CREATE TABLE customers (id int PRIMARY KEY, name text); -- expect: prefer-bigint-primary-key

-- case: serial primary key
CREATE TABLE customers (id serial PRIMARY KEY); -- expect: prefer-bigint-primary-key

-- case: table-level primary key on an integer column
CREATE TABLE customers (id integer NOT NULL, name text, PRIMARY KEY (id)); -- expect: prefer-bigint-primary-key

-- case: bigint identity
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

-- case: int column that is not the key
CREATE TABLE customers (id bigint PRIMARY KEY, age int);

-- case: composite key of ints is not an auto-increment key
CREATE TABLE memberships (user_id int, group_id int, PRIMARY KEY (user_id, group_id));
