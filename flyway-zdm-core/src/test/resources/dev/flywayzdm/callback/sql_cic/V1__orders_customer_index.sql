-- what the linter recommends: the concurrent build in a file of its own
CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);
