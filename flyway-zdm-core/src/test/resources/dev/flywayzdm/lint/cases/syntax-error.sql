-- case: unterminated string
ALTER TABLE orders ADD COLUMN note text;
UPDATE orders SET note = 'it''s open WHERE id = 1; -- expect: syntax-error

-- case: unterminated dollar quote with a tag
DO $body$ -- expect: syntax-error
BEGIN
  PERFORM 1;
END
$bod$;

-- case: unterminated nested block comment
/* outer /* inner */ still open -- expect: syntax-error
SELECT 1;

-- case: unterminated quoted identifier
SELECT "unclosed FROM orders; -- expect: syntax-error

-- case: statements before the error are still checked
CREATE INDEX orders_note_idx ON orders (note); -- expect: require-concurrent-index-creation
SELECT E'unterminated \' escape; -- expect: syntax-error

-- case: unterminated string inside a function body
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ -- expect: syntax-error
BEGIN
  UPDATE orders SET note = 'oops;
END
$$;

-- case: well-formed tricky input
SELECT 'a;b', E'c\'d;', $$e;f$$, $x$ $$ ; $x$, "q""uote;d" /* a /* b */ ; */ FROM orders;
