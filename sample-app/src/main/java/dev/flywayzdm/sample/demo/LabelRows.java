package dev.flywayzdm.sample.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts the labels of the shaded spans on rows so that no two overlap: each goes on the first row
 * whose last label ends before it starts (in seconds, from the label's width in pixels).
 */
final class LabelRows {

  private LabelRows() {}

  /** @param secondsPerPixel the chart's x scale */
  static void assign(List<SpanShade> spans, double secondsPerPixel) {
    List<Double> rowEnds = new ArrayList<>();
    List<SpanShade> byStart = new ArrayList<>(spans);
    byStart.sort(Comparator.comparingDouble(SpanShade::from));
    for (SpanShade span : byStart) {
      double end = span.from() + SpanShade.labelWidth(span.label()) * secondsPerPixel;
      int row = 0;
      while (row < rowEnds.size() && rowEnds.get(row) > span.from()) {
        row++;
      }
      if (row == rowEnds.size()) {
        rowEnds.add(end);
      } else {
        rowEnds.set(row, end);
      }
      span.labelRow(row);
    }
  }
}
