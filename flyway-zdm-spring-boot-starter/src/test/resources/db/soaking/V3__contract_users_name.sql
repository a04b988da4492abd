-- zdm:contract expand=2
ALTER TABLE users DROP COLUMN name;
