ALTER TABLE ${data}.orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);
