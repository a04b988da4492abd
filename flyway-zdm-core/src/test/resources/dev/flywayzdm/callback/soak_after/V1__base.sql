CREATE TABLE users (id bigint PRIMARY KEY, name text, display_name text);
