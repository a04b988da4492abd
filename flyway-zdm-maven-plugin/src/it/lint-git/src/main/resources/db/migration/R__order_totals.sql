CREATE OR REPLACE VIEW order_totals AS SELECT sum(total) AS total FROM orders;
