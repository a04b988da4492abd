package dev.flywayzdm.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Lints the project's SQL migrations; no database needed. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractZdmMojo {

  @Override
  protected String goal() {
    return "lint";
  }

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    getLog().info("locations " + locations());
  }
}
