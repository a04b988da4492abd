SET lock_timeout = '2s';
-- varchar(200) -> text needs no rewrite: known from the file that created orders
ALTER TABLE ${app_schema}.orders ALTER COLUMN note TYPE text;
