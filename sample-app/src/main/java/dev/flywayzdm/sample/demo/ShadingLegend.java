package dev.flywayzdm.sample.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/** What the shading means, in a strip below each panel (the chart's own legend lists only the calls). */
final class ShadingLegend {

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private ShadingLegend() {}

  /** The strip below each panel that holds it. */
  static final int HEIGHT = 22;

  /** Paints one line, left to right, in the strip at the bottom of a panel {@code height} pixels high. */
  static void paint(Graphics2D g, int width, int height, boolean report, boolean refused, Color migration,
      Color migrationAlt, Color refusedColor, Color reportColor) {
    List<Object[]> items = new ArrayList<>();
    items.add(new Object[] {"a migration running (alternating shades)", migration, migrationAlt});
    if (refused) {
      items.add(new Object[] {"refused by the soak gate", refusedColor, null});
    }
    if (report) {
      items.add(new Object[] {"the reporting transaction holds its lock on users", reportColor, null});
    }
    items.add(new Object[] {"failed call", null, null});
    int top = height - HEIGHT;
    g.setColor(Color.WHITE);
    g.fillRect(0, top, width, HEIGHT);
    g.setFont(FONT.deriveFont(Font.BOLD));
    g.setColor(new Color(40, 40, 40));
    int x = 70;
    int baseline = top + 14;
    g.drawString("shading:", x, baseline);
    x += g.getFontMetrics().stringWidth("shading:") + 12;
    g.setFont(FONT);
    for (Object[] item : items) {
      if (item[1] == null) {
        g.setColor(new Color(210, 0, 0));
        g.drawLine(x + 2, baseline - 9, x + 11, baseline);
        g.drawLine(x + 2, baseline, x + 11, baseline - 9);
      } else {
        g.setColor(opaque((Color) item[1]));
        g.fillRect(x, baseline - 10, item[2] == null ? 14 : 7, 11);
        if (item[2] != null) {
          g.setColor(opaque((Color) item[2]));
          g.fillRect(x + 7, baseline - 10, 7, 11);
        }
      }
      g.setColor(new Color(40, 40, 40));
      g.drawString((String) item[0], x + 20, baseline);
      x += 20 + g.getFontMetrics().stringWidth((String) item[0]) + 24;
    }
  }

  /** The colour a translucent shade shows on white. */
  private static Color opaque(Color shade) {
    double a = shade.getAlpha() / 255.0;
    return new Color((int) (255 - (255 - shade.getRed()) * a), (int) (255 - (255 - shade.getGreen()) * a),
        (int) (255 - (255 - shade.getBlue()) * a));
  }
}
