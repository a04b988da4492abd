-- case: UPDATE sets one column twice
UPDATE orders SET status = 'paid', total = 0, status = 'open' WHERE id = 1; -- expect: duplicate-column-assignment

-- case: a column in a row assignment and again alone
UPDATE orders SET (status, total) = ('paid', 1), total = 2 WHERE id = 1; -- expect: duplicate-column-assignment

-- case: ALTER TABLE changes one column's type twice
ALTER TABLE drafts_new ALTER COLUMN n TYPE bigint, ALTER COLUMN n TYPE numeric; -- expect: duplicate-column-assignment

-- case: assignments to different elements of one array column are allowed
UPDATE orders SET tags[1] = 'a', tags[2] = 'b' WHERE id = 1;

-- case: the same name in the WHERE clause is a comparison, not an assignment
UPDATE orders SET status = 'paid' WHERE status = 'open' AND id = 1;

-- case: a function call with the column twice in its arguments
UPDATE orders SET total = greatest(total, total) WHERE id = 1;
