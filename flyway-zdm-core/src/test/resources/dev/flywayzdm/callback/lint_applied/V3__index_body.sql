-- notes was created by an applied migration: it holds rows, so a plain index blocks its writes
CREATE INDEX notes_body_idx ON notes (body);
