-- varchar(100) -> text needs no rewrite: known only from the applied V1
ALTER TABLE notes ALTER COLUMN body TYPE text;
