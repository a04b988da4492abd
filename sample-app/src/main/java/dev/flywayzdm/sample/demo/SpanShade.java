package dev.flywayzdm.sample.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/** A shaded time span across the whole plot height, labelled at the top: one migration's run. */
final class SpanShade extends Annotation {

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.BOLD, 11);

  private final double from;
  private final double to;
  private final String label;
  private final Color fill;
  private int labelRow;

  /** @param from / to in chart x units (seconds) */
  SpanShade(double from, double to, String label, Color fill) {
    super(false);
    this.from = from;
    this.to = to;
    this.label = label;
    this.fill = fill;
  }

  double from() {
    return from;
  }

  String label() {
    return label;
  }

  /** 0, 1, 2...: which line below the top of the plot the label goes on ({@link LabelRows}). */
  void labelRow(int row) {
    labelRow = row;
  }

  /** The label's width in pixels, as painted. */
  static int labelWidth(String label) {
    return (int) Math.ceil(FONT.getStringBounds(label, new java.awt.font.FontRenderContext(null, true, true)).getWidth()) + 6;
  }

  @Override
  public void paint(Graphics2D g) {
    if (!isVisible) {
      return;
    }
    int x0 = getXAxisScreenValue(from);
    int x1 = Math.max(x0 + 2, getXAxisScreenValue(to));
    // Screen y grows downwards: whichever end of the axis is higher on screen is the top.
    int top = Math.min(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
    int bottom = Math.max(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
    bounds = new Rectangle2D.Double(x0, top, x1 - x0, bottom - top);
    g.setColor(fill);
    g.fillRect(x0, top, x1 - x0, bottom - top);
    g.setColor(fill.darker());
    g.setStroke(new BasicStroke(1f));
    g.drawLine(x0, top, x0, bottom);
    g.setColor(new Color(40, 40, 40));
    g.setFont(FONT);
    g.drawString(label, x0 + 2, top + 13 + 13 * labelRow);
  }
}
