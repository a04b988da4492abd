-- zdm:allow destructive column b was never read by any released version (TICKET-12)
ALTER TABLE t DROP COLUMN b;
