package io.scomon.ingest.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the publish dates pages write: ISO-8601 with or without time and offset, RFC-1123,
 * epoch seconds/milliseconds, "18 November 2019", "Nov 18, 2019", "18.11.2019",
 * "2019/11/18", Russian and Chinese forms. The offset written on the page is kept, so the
 * calendar day is the one the page shows. Unreadable text gives null: a date is an optional
 * field, and absence is a normal answer.
 */
public final class DateParser {

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?"
          + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
  private static final Pattern SLASHED_YMD = Pattern.compile(
      "\\b(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})\\b");
  private static final Pattern DMY = Pattern.compile(
      "\\b(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})\\b");
  private static final Pattern D_MONTH_Y = Pattern.compile(
      "(?iu)\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?([\\p{L}]{3,})\\.?,?\\s+(\\d{4})");
  private static final Pattern MONTH_D_Y = Pattern.compile(
      "(?iu)\\b([\\p{L}]{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");
  private static final Pattern CJK = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日");
  private static final Pattern TIME = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
  private static final Pattern EPOCH = Pattern.compile("^\\d{10}(?:\\d{3})?$");
  private static final Pattern MONTH_Y = Pattern.compile("(?iu)\\b([\\p{L}]{3,})\\.?\\s+(\\d{4})\\b");

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12),
      Map.entry("янв", 1), Map.entry("фев", 2), Map.entry("мар", 3), Map.entry("апр", 4),
      Map.entry("мая", 5), Map.entry("май", 5), Map.entry("июн", 6), Map.entry("июл", 7),
      Map.entry("авг", 8), Map.entry("сен", 9), Map.entry("окт", 10), Map.entry("ноя", 11),
      Map.entry("дек", 12), Map.entry("gen", 1), Map.entry("fev", 2), Map.entry("fév", 2),
      Map.entry("abr", 4), Map.entry("mai", 5), Map.entry("mag", 5), Map.entry("giu", 6),
      Map.entry("lug", 7), Map.entry("ago", 8), Map.entry("set", 9), Map.entry("out", 10),
      Map.entry("ott", 10), Map.entry("dez", 12), Map.entry("dic", 12), Map.entry("déc", 12),
      Map.entry("avr", 4), Map.entry("jui", 6), Map.entry("aoû", 8), Map.entry("ene", 1),
      Map.entry("mär", 3), Map.entry("okt", 10));

  private DateParser() {}

  /** The date in {@code text}, or null when none can be read. */
  public static OffsetDateTime parse(String text) {
    if (text == null) {
      return null;
    }
    String s = TextNormalizer.clean(text);
    if (s.isEmpty() || s.length() > 300) {
      return null;
    }
    try {
      if (EPOCH.matcher(s).matches()) {
        long v = Long.parseLong(s);
        Instant i = s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        return plausible(i.atOffset(ZoneOffset.UTC));
      }
      Matcher m = ISO.matcher(s);
      if (m.find()) {
        return plausible(iso(m));
      }
      m = CJK.matcher(s);
      if (m.find()) {
        return plausible(at(ymd(m.group(1), m.group(2), m.group(3)), s));
      }
      m = SLASHED_YMD.matcher(s);
      if (m.find()) {
        return plausible(at(ymd(m.group(1), m.group(2), m.group(3)), s));
      }
      m = D_MONTH_Y.matcher(s);
      if (m.find()) {
        Integer mon = month(m.group(2));
        if (mon != null) {
          return plausible(at(LocalDate.of(Integer.parseInt(m.group(3)), mon,
              Integer.parseInt(m.group(1))), s));
        }
      }
      m = MONTH_D_Y.matcher(s);
      while (m.find()) {
        Integer mon = month(m.group(1));
        if (mon != null) {
          return plausible(at(LocalDate.of(Integer.parseInt(m.group(3)), mon,
              Integer.parseInt(m.group(2))), s));
        }
      }
      m = DMY.matcher(s);
      if (m.find()) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int y = Integer.parseInt(m.group(3));
        // day first unless that cannot be a month/day pair (US pages write month first)
        LocalDate d = b <= 12 ? LocalDate.of(y, b, a) : LocalDate.of(y, a, b);
        return plausible(at(d, s));
      }
      m = MONTH_Y.matcher(s);
      while (m.find()) {
        Integer mon = month(m.group(1));
        if (mon != null) {
          return plausible(at(LocalDate.of(Integer.parseInt(m.group(2)), mon, 1), s));
        }
      }
    } catch (DateTimeException | NumberFormatException notADate) {
      return null;
    }
    return null;
  }

  private static OffsetDateTime iso(Matcher m) {
    LocalDate d = ymd(m.group(1), m.group(2), m.group(3));
    if (m.group(4) == null) {
      return d.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
    LocalDateTime t = d.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    String z = m.group(7);
    ZoneOffset off = ZoneOffset.UTC;
    if (z != null && (z.startsWith("+") || z.startsWith("-"))) {
      String digits = z.replace(":", "");
      int h = Integer.parseInt(digits.substring(1, 3));
      int min = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
      int sign = z.startsWith("-") ? -1 : 1;
      off = ZoneOffset.ofHoursMinutes(sign * h, sign * min);
    }
    return t.atOffset(off);
  }

  private static LocalDate ymd(String y, String mo, String d) {
    return LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
  }

  private static OffsetDateTime at(LocalDate d, String s) {
    Matcher t = TIME.matcher(s);
    if (t.find()) {
      int h = Integer.parseInt(t.group(1));
      int mi = Integer.parseInt(t.group(2));
      if (h < 24 && mi < 60) {
        String rest = s.substring(t.end()).toLowerCase(Locale.ROOT);
        if (rest.startsWith(" pm") || rest.startsWith("pm") || rest.startsWith(" p.m")) {
          h = h % 12 + 12;
        } else if (rest.startsWith(" am") || rest.startsWith("am")) {
          h = h % 12;
        }
        return d.atTime(h, mi).atOffset(ZoneOffset.UTC);
      }
    }
    return d.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  private static Integer month(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() < 3) {
      return null;
    }
    Integer m = MONTHS.get(w.substring(0, 3));
    if (m == null) {
      return null;
    }
    // reject words that merely start like a month ("marine", "decided")
    if (w.length() > 3 && !isMonthWord(w)) {
      return null;
    }
    return m;
  }

  private static boolean isMonthWord(String w) {
    return MONTH_WORDS.matcher(w).matches();
  }

  private static final Pattern MONTH_WORDS = Pattern.compile("january|february|march|april|may|june|july|august|september|october"
        + "|november|december|sept|janvier|février|fevrier|mars|avril|juin|juillet|août"
        + "|septembre|octobre|novembre|décembre|janeiro|fevereiro|março|maio|junho|julho"
        + "|agosto|setembro|outubro|dezembro|gennaio|febbraio|marzo|aprile|maggio|giugno"
        + "|luglio|settembre|ottobre|dicembre|enero|febrero|abril|mayo|junio|julio"
        + "|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober"
        + "|dezember|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября"
        + "|ноября|декабря|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь"
        + "|ноябрь|декабрь");

  private static OffsetDateTime plausible(OffsetDateTime d) {
    if (d == null || d.getYear() < 1990 || d.getYear() > 2100) {
      return null;
    }
    return d;
  }
}
