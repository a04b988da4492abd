CREATE TABLE items (id bigint PRIMARY KEY, a int NOT NULL, b int, c text NOT NULL);
INSERT INTO items SELECT g, g, NULL, 'group ' || (g % 10) FROM generate_series(1, 2000) g;
CREATE TABLE people (id bigint PRIMARY KEY, name text);
INSERT INTO people SELECT g, 'person ' || g FROM generate_series(1, 500) g;
