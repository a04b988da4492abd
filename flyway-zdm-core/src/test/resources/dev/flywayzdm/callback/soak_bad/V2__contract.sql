-- zdm:contract expand=1 soak=forever
ALTER TABLE users DROP COLUMN name;
