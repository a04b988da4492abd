INSERT INTO seen SELECT 'V4', current_setting('lock_timeout'), current_setting('statement_timeout');
