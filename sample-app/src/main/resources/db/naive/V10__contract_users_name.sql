-- naive: drop the old column as soon as the new release is out: no soak, no lock_timeout.
DROP TRIGGER users_display_name_sync ON users;
DROP FUNCTION users_display_name_sync();
ALTER TABLE users DROP COLUMN name;
