-- case: varchar(n) in a new table
CREATE TABLE customers (id bigint, email varchar(255)); -- expect: prefer-text-over-varchar

-- case: character varying(n) added to a table
ALTER TABLE customers ADD COLUMN city character varying(80); -- expect: prefer-text-over-varchar

-- case: varchar without a length is text under another name
CREATE TABLE customers (id bigint, email varchar);

-- case: char(n) looks like it but is prefer-text-over-char's business
CREATE TABLE countries (code text, name text);
