-- naive: drop the int column as soon as the new release is out.
DROP TRIGGER orders_amount_sync ON orders;
DROP FUNCTION orders_amount_sync();
ALTER TABLE orders DROP COLUMN amount;
