String log = new File(basedir, 'build.log').text
String finding = 'src/main/resources/db/migration/V2__index_customers.sql:2:1 require-concurrent-index-creation'
assert log.contains('[ERROR] ' + finding) : 'the finding is printed as file:line:col rule-id message'
assert log.contains('instead: Use CREATE INDEX CONCURRENTLY') : 'the safe alternative follows the finding'
assert log.contains('see: https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/require-concurrent-index-creation.md') : 'the rule page follows the fix'
assert log.contains('zdm:lint found 1 error, 1 warning in 2 files')
assert log.contains('[WARNING] src/main/resources/db/migration/V2__index_customers.sql:2:1 require-lock-timeout') : 'warnings are printed but do not fail the build'
assert log.contains('BUILD FAILURE')

String sarif = new File(basedir, 'target/zdm/lint.sarif').text
assert sarif.contains('"ruleId": "require-concurrent-index-creation"')
assert sarif.contains('src/main/resources/db/migration/V2__index_customers.sql')
assert sarif.contains('"startLine": 2')
assert sarif.contains('"helpUri": "https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/require-concurrent-index-creation.md"') : 'SARIF links the rule page'
assert sarif.contains('"defaultConfiguration": {"level": "error"}')
String json = new File(basedir, 'target/zdm/lint.json').text
assert json.contains('require-concurrent-index-creation')
assert json.contains('"helpUri": "https://github.com/flyway-zdm/flyway-zdm/blob/main/docs/rules/require-concurrent-index-creation.md"')
