CREATE UNIQUE INDEX CONCURRENTLY items_c_unique ON items (c);
