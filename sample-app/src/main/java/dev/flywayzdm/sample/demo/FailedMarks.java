package dev.flywayzdm.sample.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * The failed calls as large red crosses painted over everything else (the series and the shading),
 * so a failure can never hide under the thousands of successful calls around it.
 */
final class FailedMarks extends Annotation {

  private static final int HALF = 5;
  private static final Color RED = new Color(210, 0, 0);

  private final List<double[]> points;

  /** @param points {seconds, latency ms} of each failed call */
  FailedMarks(List<double[]> points) {
    super(false);
    this.points = points;
  }

  @Override
  public void paint(Graphics2D g) {
    if (!isVisible || points.isEmpty()) {
      return;
    }
    int top = Math.min(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
    int bottom = Math.max(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
    bounds = new Rectangle2D.Double(0, top, 0, bottom - top);
    g.setStroke(new BasicStroke(2.2f));
    for (double[] point : points) {
      int x = getXAxisScreenValue(point[0]);
      int y = Math.max(top, Math.min(bottom, getYAxisScreenValue(point[1])));
      g.setColor(Color.WHITE);
      g.drawOval(x - HALF - 2, y - HALF - 2, 2 * HALF + 4, 2 * HALF + 4);
      g.setColor(RED);
      g.drawLine(x - HALF, y - HALF, x + HALF, y + HALF);
      g.drawLine(x - HALF, y + HALF, x + HALF, y - HALF);
    }
  }
}
