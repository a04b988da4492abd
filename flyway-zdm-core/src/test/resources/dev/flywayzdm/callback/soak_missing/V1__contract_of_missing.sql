-- zdm:contract expand=7
CREATE TABLE x (id int);
