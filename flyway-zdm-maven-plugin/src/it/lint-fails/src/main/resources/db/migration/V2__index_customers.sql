-- customers is an existing, large table: this blocks its writes while the index is built
CREATE INDEX customers_email_idx ON customers (email);
