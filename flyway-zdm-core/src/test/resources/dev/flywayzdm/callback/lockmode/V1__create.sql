CREATE TABLE indexed (id int);
