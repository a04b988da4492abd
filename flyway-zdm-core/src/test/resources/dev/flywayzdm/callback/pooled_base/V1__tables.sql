-- IF NOT EXISTS: the runs behind PgBouncer share the schema public (see PooledMigrations)
CREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY, a int NOT NULL, b int, c text NOT NULL);
INSERT INTO items SELECT g, g, NULL, 'group ' || (g % 10) FROM generate_series(1, 2000) g ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS people (id bigint PRIMARY KEY, name text);
INSERT INTO people SELECT g, 'person ' || g FROM generate_series(1, 500) g ON CONFLICT DO NOTHING;
