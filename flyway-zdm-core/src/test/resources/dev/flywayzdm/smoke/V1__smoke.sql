CREATE TABLE smoke (id bigint PRIMARY KEY);
INSERT INTO smoke VALUES (1), (2);
