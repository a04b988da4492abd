-- executeInTransaction=false in the .conf: runs like a concurrent index build, without a transaction
INSERT INTO seen SELECT 'V2', current_setting('lock_timeout'), current_setting('statement_timeout');
