-- zdm:contract expand=99
ALTER TABLE users DROP COLUMN name;
