ALTER TABLE missing_table ADD COLUMN note text;
