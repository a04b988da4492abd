-- naive: one UPDATE of every row in one transaction; each row stays locked until it commits.
UPDATE orders SET amount_cents = amount WHERE amount_cents IS NULL;
