-- A long-lived project: timestamps as versions, so sqlMigrationPrefix is empty
CREATE TABLE ${app_schema}.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL,
  status text NOT NULL,
  note varchar(200)
);
