-- case: SET NOT NULL scans the whole table under ACCESS EXCLUSIVE
ALTER TABLE orders ALTER COLUMN email SET NOT NULL; -- expect: set-not-null-without-check

-- case: without the COLUMN keyword
ALTER TABLE orders ALTER email SET NOT NULL; -- expect: set-not-null-without-check

-- case: a check that is still NOT VALID does not help
ALTER TABLE orders ADD CONSTRAINT orders_email_nn CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN email SET NOT NULL; -- expect: set-not-null-without-check

-- case: the documented path: check NOT VALID, validate later, then SET NOT NULL
-- file: V1__check.sql
ALTER TABLE orders ADD CONSTRAINT orders_email_nn CHECK (email IS NOT NULL) NOT VALID;
-- file: V2__validate.sql
ALTER TABLE orders VALIDATE CONSTRAINT orders_email_nn;
-- file: V3__not_null.sql
ALTER TABLE orders ALTER COLUMN email SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_email_nn;

-- case: a check on another column does not help
-- file: V1__check.sql
ALTER TABLE orders ADD CONSTRAINT orders_phone_nn CHECK (phone IS NOT NULL) NOT VALID;
-- file: V2__validate.sql
ALTER TABLE orders VALIDATE CONSTRAINT orders_phone_nn;
-- file: V3__not_null.sql
ALTER TABLE orders ALTER COLUMN email SET NOT NULL; -- expect: set-not-null-without-check

-- case: before PostgreSQL 12 even a validated check does not spare the scan
-- options: pg=11
-- file: V1__check.sql
ALTER TABLE orders ADD CONSTRAINT orders_email_nn CHECK ((email IS NOT NULL)) NOT VALID;
-- file: V2__validate.sql
ALTER TABLE orders VALIDATE CONSTRAINT orders_email_nn;
-- file: V3__not_null.sql
ALTER TABLE orders ALTER COLUMN email SET NOT NULL; -- expect: set-not-null-without-check

-- case: PostgreSQL 18 NOT NULL constraint without NOT VALID scans too
-- options: pg=18
ALTER TABLE orders ADD CONSTRAINT orders_email_nn NOT NULL email; -- expect: set-not-null-without-check

-- case: PostgreSQL 18 NOT NULL ... NOT VALID, validated later
-- options: pg=18
-- file: V1__nn.sql
ALTER TABLE orders ADD CONSTRAINT orders_email_nn NOT NULL email NOT VALID;
-- file: V2__validate.sql
ALTER TABLE orders VALIDATE CONSTRAINT orders_email_nn;

-- case: DROP NOT NULL is not SET NOT NULL
ALTER TABLE orders ALTER COLUMN email DROP NOT NULL;

-- case: a new table has no rows to scan
CREATE TABLE contacts (id bigint, email text);
ALTER TABLE contacts ALTER COLUMN email SET NOT NULL;
