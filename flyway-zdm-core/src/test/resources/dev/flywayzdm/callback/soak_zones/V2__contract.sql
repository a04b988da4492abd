-- zdm:contract expand=1 soak=1h
-- the old application version read users.name; it is gone once the expand has soaked
ALTER TABLE users DROP COLUMN name;
