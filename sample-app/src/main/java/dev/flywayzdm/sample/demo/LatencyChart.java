package dev.flywayzdm.sample.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Application latency over time, one panel per run stacked in one PNG: every call as a dot
 * (log scale), failed calls as red crosses on top of everything, each migration's span shaded and
 * labelled with its version (labels in rows so none overlap), the reporting transaction in red, and
 * a legend for the shading.
 */
final class LatencyChart {

  private static final int WIDTH = 1400;
  private static final int PANEL_HEIGHT = 500;
  private static final double FLOOR_MS = 0.1;
  private static final Color[] SERIES = {new Color(31, 119, 180), new Color(44, 160, 44), new Color(255, 127, 14)};
  private static final Color MIGRATION = new Color(120, 120, 200, 45);
  private static final Color MIGRATION_ALT = new Color(90, 170, 170, 45);
  private static final Color REFUSED = new Color(220, 180, 40, 70);
  private static final Color REPORT = new Color(230, 60, 60, 40);
  /** About the plot's width in pixels (the chart less axis and legend): places labels apart. */
  private static final double PLOT_WIDTH_PX = WIDTH - 260;

  private LatencyChart() {}

  static void write(List<RunResult> runs, DemoOptions options, Path png) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * runs.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    double maxMs = runs.stream().mapToLong(RunResult::longestWaitNanos).max().orElse(1) / 1e6;
    // One time scale for all panels, so the runs compare at a glance.
    double maxSeconds = runs.stream().mapToLong(r -> r.trafficEndNanos() - r.trafficStartNanos()).max().orElse(1) / 1e9;
    for (int i = 0; i < runs.size(); i++) {
      XYChart chart = panel(runs.get(i), options, Math.max(maxMs * 1.5, 100), maxSeconds);
      g.translate(0, i * PANEL_HEIGHT);
      chart.paint(g, WIDTH, PANEL_HEIGHT - ShadingLegend.HEIGHT);
      ShadingLegend.paint(g, WIDTH, PANEL_HEIGHT, runs.get(i).reportStartNanos() > 0,
          runs.get(i).phases().stream().anyMatch(p -> p.outcome() == PhaseResult.Outcome.REFUSED),
          MIGRATION, MIGRATION_ALT, REFUSED, REPORT);
      g.translate(0, -i * PANEL_HEIGHT);
    }
    g.dispose();
    // 256 colours are plenty for a chart and keep the PNG small enough to commit.
    BufferedImage indexed = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
    Graphics2D copy = indexed.createGraphics();
    copy.drawImage(image, 0, 0, null);
    copy.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(indexed, "png", png.toFile());
  }

  private static XYChart panel(RunResult run, DemoOptions options, double yMaxMs, double xMaxSeconds) {
    LatencyStats all = run.overall();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT - ShadingLegend.HEIGHT)
        .title(String.format(Locale.ROOT, "%s: %,d calls, %,d failed, slowest %s  (%,d rows, lock_timeout %s)",
            run.mode().title, all.total(), all.failed(), Durations.millis(all.maxNanos()), options.rows(),
            Durations.of(options.lockTimeout())))
        .xAxisTitle("seconds since the application traffic started")
        .yAxisTitle("call latency (ms, log scale)")
        .build();
    XYStyler styler = chart.getStyler();
    styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    styler.setMarkerSize(3);
    styler.setYAxisLogarithmic(true);
    styler.setYAxisMin(FLOOR_MS);
    styler.setYAxisMax(yMaxMs);
    styler.setXAxisMin(0.0);
    styler.setXAxisMax(xMaxSeconds);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotGridLinesColor(new Color(225, 225, 225));
    styler.setSeriesColors(SERIES);
    styler.setYAxisDecimalPattern("#,##0.#");
    for (OpKind kind : OpKind.values()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (Op op : run.ops()) {
        if (op.kind() == kind && op.ok()) {
          x.add(seconds(run, op.startNanos()));
          y.add(Math.max(FLOOR_MS, op.latencyNanos() / 1e6));
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      XYSeries series = chart.addSeries(kind.label(), x, y);
      series.setMarker(SeriesMarkers.CIRCLE);
    }
    List<Op> failed = run.ops().stream().filter(op -> !op.ok()).toList();
    if (!failed.isEmpty()) {
      // In the legend; the marks themselves are painted over everything by FailedMarks.
      XYSeries series = chart.addSeries("failed (" + failed.size() + ")",
          failed.stream().map(op -> seconds(run, op.startNanos())).toList(),
          failed.stream().map(op -> Math.max(FLOOR_MS, op.latencyNanos() / 1e6)).toList());
      series.setMarker(SeriesMarkers.CROSS);
      series.setMarkerColor(Color.RED);
    }
    List<SpanShade> spans = new ArrayList<>();
    if (run.reportStartNanos() > 0) {
      spans.add(new SpanShade(seconds(run, run.reportStartNanos()), seconds(run, run.reportEndNanos()),
          "reporting transaction holds users", REPORT));
    }
    int shade = 0;
    for (PhaseResult phase : run.phases()) {
      boolean refused = phase.outcome() == PhaseResult.Outcome.REFUSED;
      String label = "V" + phase.step().version() + (refused ? " refused" : "");
      spans.add(new SpanShade(seconds(run, phase.startNanos()), seconds(run, phase.endNanos()), label,
          refused ? REFUSED : shade++ % 2 == 0 ? MIGRATION : MIGRATION_ALT));
    }
    LabelRows.assign(spans, xMaxSeconds / PLOT_WIDTH_PX);
    spans.forEach(chart::addAnnotation);
    chart.addAnnotation(new FailedMarks(failed.stream()
        .map(op -> new double[] {seconds(run, op.startNanos()), Math.max(FLOOR_MS, op.latencyNanos() / 1e6)}).toList()));
    return chart;
  }

  private static double seconds(RunResult run, long nanos) {
    return (nanos - run.trafficStartNanos()) / 1e9;
  }
}
