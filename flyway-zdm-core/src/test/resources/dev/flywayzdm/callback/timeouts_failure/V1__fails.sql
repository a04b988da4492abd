CREATE TABLE never_created (id int);
SELECT 1/0;
