CREATE OR REPLACE VIEW ${app_schema}.open_orders AS
  SELECT id, customer_id FROM ${app_schema}.orders WHERE status = 'open';
