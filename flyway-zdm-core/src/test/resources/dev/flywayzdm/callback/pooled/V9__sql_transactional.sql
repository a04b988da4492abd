CREATE TABLE later (id int);
INSERT INTO later VALUES (1);
