CREATE TABLE never (id int);
SELECT 1 / 0;
