-- zdm:ignore check-constraint-missing-not-valid orders holds a handful of rows in every environment
ALTER TABLE ${data}.orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);
