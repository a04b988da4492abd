-- case: the running version still selects the old name
ALTER TABLE orders RENAME COLUMN note TO comment; -- expect: rename-column

-- case: without the COLUMN keyword
ALTER TABLE orders RENAME note TO comment; -- expect: rename-column

-- case: quoted names
ALTER TABLE "Orders" RENAME COLUMN "Note" TO "Comment"; -- expect: rename-column

-- case: renaming a constraint does not break queries
ALTER TABLE orders RENAME CONSTRAINT orders_fk TO orders_customer_fk;

-- case: renaming a column of a new table
CREATE TABLE drafts (id bigint, titel text);
ALTER TABLE drafts RENAME COLUMN titel TO title;
