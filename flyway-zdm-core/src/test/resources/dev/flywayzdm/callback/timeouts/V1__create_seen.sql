CREATE TABLE seen (migration text, lock_timeout text, statement_timeout text);
INSERT INTO seen SELECT 'V1', current_setting('lock_timeout'), current_setting('statement_timeout');
