CREATE INDEX CONCURRENTLY indexed_id ON indexed (id);
