-- case: CREATE TRIGGER on an existing table takes SHARE ROW EXCLUSIVE
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit(); -- expect: trigger-blocks-writes

-- case: CREATE OR REPLACE TRIGGER takes the same lock
CREATE OR REPLACE TRIGGER orders_audit AFTER UPDATE OF status ON ${schema}.orders FOR EACH ROW EXECUTE FUNCTION audit(); -- expect: trigger-blocks-writes

-- case: DROP TRIGGER takes the same lock
DROP TRIGGER IF EXISTS orders_audit ON orders; -- expect: trigger-blocks-writes

-- case: a constraint trigger is a trigger too
CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT ON orders DEFERRABLE FOR EACH ROW EXECUTE FUNCTION check_order(); -- expect: trigger-blocks-writes

-- case: dropping the dual-write trigger in a declared contract step is the plan
-- file: V2__contract.sql
-- zdm:contract expand=1
DROP TRIGGER zdm_dw_orders_amount ON orders;

-- case: creating a trigger in a contract step still blocks writes
-- file: V2__contract.sql
-- zdm:contract expand=1
CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit(); -- expect: trigger-blocks-writes

-- case: a trigger on a table created in this run
CREATE TABLE audit_log (id bigint, at timestamptz);
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION stamp();

-- case: DROP FUNCTION of a trigger function looks like a trigger drop but locks no table
DROP FUNCTION IF EXISTS audit() CASCADE;

-- case: CREATE EVENT TRIGGER looks like a trigger but is database-wide and locks no table
CREATE EVENT TRIGGER ddl_log ON ddl_command_end EXECUTE FUNCTION log_ddl();
