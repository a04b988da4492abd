-- months later orders holds rows: this blocks its writes while the index is built
CREATE INDEX orders_status_idx ON ${app_schema}.orders (status);
