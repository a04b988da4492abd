ALTER TABLE items ADD COLUMN IF NOT EXISTS note text;
UPDATE items SET note = 'seen' WHERE id <= 10;
