ALTER TABLE invoices ADD CONSTRAINT invoices_total_positive CHECK (total > 0);
CREATE INDEX invoices_total_idx ON invoices (total);
