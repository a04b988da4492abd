-- expand: the new column the next application version writes
ALTER TABLE orders ADD COLUMN note text;
