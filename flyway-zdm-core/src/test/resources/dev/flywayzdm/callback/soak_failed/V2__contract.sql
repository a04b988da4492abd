-- zdm:contract expand=1
ALTER TABLE users DROP COLUMN name;
