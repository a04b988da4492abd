-- case: VACUUM FULL rewrites offline
-- options: in-transaction=false
VACUUM FULL orders; -- expect: vacuum-full-or-cluster

-- case: option-list form
-- options: in-transaction=false
VACUUM (FULL, ANALYZE) orders; -- expect: vacuum-full-or-cluster

-- case: CLUSTER rewrites offline
CLUSTER orders USING orders_pkey; -- expect: vacuum-full-or-cluster

-- case: CLUSTER of the whole database
CLUSTER; -- expect: vacuum-full-or-cluster

-- case: plain VACUUM runs alongside traffic
VACUUM (ANALYZE) orders;

-- case: FULL switched off
VACUUM (FULL false) orders;

-- case: VACUUM FULL of a new table
CREATE TABLE scratch (id int);
VACUUM FULL scratch;
