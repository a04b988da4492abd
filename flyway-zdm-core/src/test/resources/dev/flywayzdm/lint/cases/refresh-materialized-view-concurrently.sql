-- case: a plain refresh of an existing view blocks its reads
REFRESH MATERIALIZED VIEW order_totals; -- expect: refresh-materialized-view-concurrently

-- case: a schema-qualified view
REFRESH MATERIALIZED VIEW ${schema}.order_totals WITH DATA; -- expect: refresh-materialized-view-concurrently

-- case: CONCURRENTLY lets reads go on
REFRESH MATERIALIZED VIEW CONCURRENTLY order_totals;

-- case: WITH NO DATA empties the view on purpose and has no concurrent form
REFRESH MATERIALIZED VIEW order_totals WITH NO DATA;

-- case: a view created empty in this run
CREATE MATERIALIZED VIEW daily_totals AS SELECT 1 AS n WITH NO DATA;
REFRESH MATERIALIZED VIEW daily_totals;

-- case: ALTER MATERIALIZED VIEW looks like it but refreshes nothing
ALTER MATERIALIZED VIEW order_totals SET (fillfactor = 90);
