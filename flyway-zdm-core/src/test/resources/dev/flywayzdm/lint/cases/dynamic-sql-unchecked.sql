-- case: EXECUTE format(...) in a DO block
DO $$
BEGIN
  EXECUTE format('CREATE INDEX %I ON orders (created_at)', 'orders_created_idx'); -- expect: dynamic-sql-unchecked
END
$$;

-- case: a concatenation in a function body
CREATE FUNCTION add_partition(suffix text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'CREATE TABLE m_' || suffix || ' PARTITION OF measurements DEFAULT'; -- expect: dynamic-sql-unchecked
END
$$;

-- case: EXECUTE of a constant string is read and checked, so it is not dynamic
DO $$
BEGIN
  EXECUTE 'SELECT 1';
END
$$;

-- case: a top-level EXECUTE runs a prepared statement from the file
PREPARE one AS SELECT 1;
EXECUTE one;

-- case: EXECUTE FUNCTION in a trigger definition is not dynamic SQL
CREATE TABLE audit_log (id bigint);
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION stamp();
