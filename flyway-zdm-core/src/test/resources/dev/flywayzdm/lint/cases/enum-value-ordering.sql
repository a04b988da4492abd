-- case: BEFORE puts the value between existing ones
-- options: in-transaction=false
ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped'; -- expect: enum-value-ordering

-- case: AFTER does the same
-- options: in-transaction=false
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'packed' AFTER 'paid'; -- expect: enum-value-ordering

-- case: a plain ADD VALUE goes at the end
-- options: in-transaction=false
ALTER TYPE order_status ADD VALUE 'archived';

-- case: a label spelt 'before' is a string, not the keyword
-- options: in-transaction=false
ALTER TYPE moment ADD VALUE 'before';
