-- zdm:contract expand=3
ALTER TABLE users DROP COLUMN name;
