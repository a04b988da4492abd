-- named for the default prefix, which this project does not use: Flyway never runs it
DROP TABLE ${app_schema}.orders;
