package org.captionstudio.core.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A score for every {@link Metric}.
 *
 * @param values the scores, one per metric
 */
public record MetricScores(Map<Metric, Double> values) {
  public MetricScores {
    EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
    copy.putAll(values);
    for (Metric metric : Metric.values()) {
      if (!copy.containsKey(metric)) {
        throw new IllegalArgumentException(
            "values must hold every metric, " + metric + " is missing");
      }
    }
    values = Collections.unmodifiableMap(copy);
  }

  /** The score of one metric. */
  public double get(Metric metric) {
    return values.get(metric);
  }
}
