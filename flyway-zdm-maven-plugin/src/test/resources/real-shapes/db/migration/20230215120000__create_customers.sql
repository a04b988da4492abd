CREATE TABLE ${app_schema}.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL
);
-- the table is created in this very file: indexing it blocks nobody
CREATE INDEX customers_email_idx ON ${app_schema}.customers (email);
