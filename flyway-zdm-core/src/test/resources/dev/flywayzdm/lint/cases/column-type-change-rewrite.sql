-- case: int to bigint rewrites the table and every index
-- file: V1__orders.sql
-- options: start-after=1
CREATE TABLE orders (id int PRIMARY KEY, note varchar(20), amount numeric(10,2), addr cidr, at timestamp(0));
-- file: V2__bigint.sql
ALTER TABLE orders ALTER COLUMN id TYPE bigint; -- expect: column-type-change-rewrite

-- case: varchar(20) to text keeps the files
-- options: start-after=1
-- file: V1__orders.sql
CREATE TABLE orders (id bigint, note varchar(20));
-- file: V2__text.sql
ALTER TABLE orders ALTER COLUMN note TYPE text;

-- case: a wider varchar keeps the files
-- options: start-after=1
-- file: V1__orders.sql
CREATE TABLE orders (id bigint, note character varying(20));
-- file: V2__wider.sql
ALTER TABLE orders ALTER COLUMN note SET DATA TYPE varchar(200);

-- case: varchar(n) to unbounded varchar keeps the files
-- options: start-after=1
-- file: V1__orders.sql
CREATE TABLE orders (id bigint, note varchar(20));
-- file: V2__unbounded.sql
ALTER TABLE orders ALTER COLUMN note TYPE varchar;

-- case: a shorter varchar must check every row
-- options: start-after=1
-- file: V1__orders.sql
CREATE TABLE orders (id bigint, note varchar(200));
-- file: V2__shorter.sql
ALTER TABLE orders ALTER COLUMN note TYPE varchar(20); -- expect: column-type-change-rewrite

-- case: text to varchar(n) must check every row
-- options: start-after=1
-- file: V1__orders.sql
CREATE TABLE orders (id bigint, note text);
-- file: V2__limit.sql
ALTER TABLE orders ALTER COLUMN note TYPE varchar(50); -- expect: column-type-change-rewrite

-- case: numeric precision increase with the same scale
-- options: start-after=1
-- file: V1__orders.sql
CREATE TABLE orders (id bigint, amount numeric(10,2));
-- file: V2__precision.sql
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);

-- case: numeric scale change rewrites
-- options: start-after=1
-- file: V1__orders.sql
CREATE TABLE orders (id bigint, amount numeric(10,2));
-- file: V2__scale.sql
ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,4); -- expect: column-type-change-rewrite

-- case: cidr to inet keeps the files
-- options: start-after=1
-- file: V1__hosts.sql
CREATE TABLE hosts (id bigint, addr cidr);
-- file: V2__inet.sql
ALTER TABLE hosts ALTER COLUMN addr TYPE inet;

-- case: timestamp precision increase keeps the files
-- options: start-after=1
-- file: V1__events.sql
CREATE TABLE events (id bigint, at timestamp(0));
-- file: V2__precision.sql
ALTER TABLE events ALTER COLUMN at TYPE timestamp(6);

-- case: timestamp to timestamptz rewrites
-- options: start-after=1
-- file: V1__events.sql
CREATE TABLE events (id bigint, at timestamp);
-- file: V2__tz.sql
ALTER TABLE events ALTER COLUMN at TYPE timestamptz; -- expect: column-type-change-rewrite

-- case: a USING expression rewrites
ALTER TABLE orders ALTER COLUMN status TYPE int USING status::int; -- expect: column-type-change-rewrite

-- case: old type not in these migrations: reported, the message explains when it would be safe
ALTER TABLE orders ALTER COLUMN note TYPE text; -- expect: column-type-change-rewrite

-- case: a column added in this run to an existing table still lives in that table
-- file: V1__add.sql
ALTER TABLE orders ADD COLUMN ref int;
-- file: V2__widen.sql
ALTER TABLE orders ALTER COLUMN ref TYPE bigint; -- expect: column-type-change-rewrite

-- case: type change on a table created in this run
CREATE TABLE drafts (id int);
ALTER TABLE drafts ALTER COLUMN id TYPE bigint;
