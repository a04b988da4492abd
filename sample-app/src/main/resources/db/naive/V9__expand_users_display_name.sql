-- naive: the new column, a trigger that keeps name and display_name in step, and the backfill as one
-- UPDATE of every user in the same transaction: every row stays locked until it commits.
ALTER TABLE users ADD COLUMN display_name text;

CREATE FUNCTION users_display_name_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.display_name IS NULL THEN
      NEW.display_name := NEW.name;
    ELSIF NEW.name IS NULL THEN
      NEW.name := NEW.display_name;
    END IF;
  ELSIF NEW.name IS DISTINCT FROM OLD.name THEN
    NEW.display_name := NEW.name;
  ELSIF NEW.display_name IS DISTINCT FROM OLD.display_name THEN
    NEW.name := NEW.display_name;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER users_display_name_sync BEFORE INSERT OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_display_name_sync();

UPDATE users SET display_name = name WHERE display_name IS NULL;
