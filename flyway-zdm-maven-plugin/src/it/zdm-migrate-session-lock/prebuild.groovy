def db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport))
db.dropSchemas('it_zdm_session_lock')
