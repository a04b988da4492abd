-- naive: the new bigint column and a trigger that keeps old and new in step, with no lock_timeout.
ALTER TABLE orders ADD COLUMN amount_cents bigint;

CREATE FUNCTION orders_amount_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.amount_cents IS NULL THEN
      NEW.amount_cents := NEW.amount;
    ELSIF NEW.amount IS NULL THEN
      NEW.amount := NEW.amount_cents;
    END IF;
  ELSIF NEW.amount IS DISTINCT FROM OLD.amount THEN
    NEW.amount_cents := NEW.amount;
  ELSIF NEW.amount_cents IS DISTINCT FROM OLD.amount_cents THEN
    NEW.amount := NEW.amount_cents;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER orders_amount_sync BEFORE INSERT OR UPDATE ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_amount_sync();
