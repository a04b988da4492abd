-- zdm:contract expand=1
-- the old application version read users.name; it is gone once the expand has soaked
ALTER TABLE users DROP COLUMN name;
