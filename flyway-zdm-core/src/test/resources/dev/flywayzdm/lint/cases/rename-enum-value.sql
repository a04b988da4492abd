-- case: the running version still writes the old label
ALTER TYPE order_status RENAME VALUE 'shipped' TO 'dispatched'; -- expect: rename-enum-value

-- case: a schema-qualified enum
ALTER TYPE ${schema}.order_status RENAME VALUE 'new' TO 'created'; -- expect: rename-enum-value

-- case: renaming the type itself is not a value rename
ALTER TYPE order_status RENAME TO purchase_status;

-- case: ADD VALUE looks like a value change but keeps old labels
-- options: in-transaction=false
ALTER TYPE order_status ADD VALUE 'returned';

-- case: renaming an attribute of a composite type is not an enum value
ALTER TYPE address RENAME ATTRIBUTE street TO line1;
