-- case: the running version may still read the column
ALTER TABLE orders DROP COLUMN legacy_flag; -- expect: drop-column

-- case: without the COLUMN keyword, with IF EXISTS
ALTER TABLE orders DROP IF EXISTS legacy_flag; -- expect: drop-column

-- case: in a declared contract step
-- file: V2__contract.sql
-- zdm:contract expand=1
ALTER TABLE orders DROP COLUMN legacy_flag;

-- case: with an explicit allowance
-- zdm:allow destructive column unused since release 4.2
ALTER TABLE orders DROP COLUMN legacy_flag;

-- case: when contract steps are not honoured, the contract marker does not help
-- options: contract-steps=off
-- file: V2__contract.sql
-- zdm:contract expand=1
ALTER TABLE orders DROP COLUMN legacy_flag; -- expect: drop-column

-- case: dropping a constraint is not dropping a column
ALTER TABLE orders DROP CONSTRAINT orders_old_check;

-- case: dropping a column of a new table
CREATE TABLE drafts (id bigint, junk text);
ALTER TABLE drafts DROP COLUMN junk;
