SET lock_timeout = '9s';
INSERT INTO seen SELECT 'V3', current_setting('lock_timeout'), current_setting('statement_timeout');
