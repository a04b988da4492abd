-- case: char(n)
CREATE TABLE countries (code char(2), name text); -- expect: prefer-text-over-char

-- case: character(n) added
ALTER TABLE orders ADD COLUMN currency character(3); -- expect: prefer-text-over-char

-- case: varchar and text
CREATE TABLE countries (code varchar(2), name text);

-- case: "char" in a default string is not a type
ALTER TABLE orders ADD COLUMN kind text DEFAULT 'char(2)';
