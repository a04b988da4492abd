-- case: nextval('orders_id_seq') of the running version breaks
ALTER SEQUENCE orders_id_seq RENAME TO purchase_id_seq; -- expect: rename-sequence

-- case: moving the sequence to another schema breaks qualified calls
ALTER SEQUENCE IF EXISTS public.orders_id_seq SET SCHEMA archive; -- expect: rename-sequence

-- case: changing the increment looks like an ALTER SEQUENCE rename but keeps the name
ALTER SEQUENCE orders_id_seq INCREMENT BY 10;

-- case: restarting the sequence keeps the name
ALTER SEQUENCE orders_id_seq RESTART WITH 1000;
