def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
db.dropSchemas('it_lint_history')
