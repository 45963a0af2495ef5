package io.scomon.index.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a configured duration: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT5S}). */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {}

  /**
   * @param key the configuration key, named in the error
   * @param value the configured text
   * @param origin where the value came from, appended to the error (may be empty)
   */
  public static Duration positive(String key, String value, String origin) {
    String text = value.strip();
    Duration duration;
    Matcher m = SHORT.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      duration = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } else {
      try {
        duration = Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new ConfigException(key, "must be a duration such as 500ms, 5s, 2m or PT5S, was '" + text + "'" + origin, e);
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new ConfigException(key, "must be longer than zero, was '" + text + "'" + origin);
    }
    return duration;
  }
}
