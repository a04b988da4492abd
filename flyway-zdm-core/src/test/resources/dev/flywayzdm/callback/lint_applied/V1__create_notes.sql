-- applied in an earlier run: notes exists with rows when V2 runs
CREATE TABLE notes (id bigint PRIMARY KEY, body varchar(100));
INSERT INTO notes SELECT g, 'n' || g FROM generate_series(1, 100) g;
