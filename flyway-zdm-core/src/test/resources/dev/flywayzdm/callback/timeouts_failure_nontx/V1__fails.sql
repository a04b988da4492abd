SELECT set_config('lock_timeout', '3s', false);
SELECT 1/0;
