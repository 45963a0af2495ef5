package io.scomon.ingest.extract;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * What {@link Boilerplate} says about class/id strings, remembered for one page: pages repeat
 * the same few class strings on thousands of elements, and each verdict costs several regular
 * expression scans. Create one per page; not shared between threads.
 */
final class ClassNames {

  private static final int NEGATIVE = 1;
  private static final int HARD = 2;
  private static final int POSITIVE = 4;
  private static final int BODY = 8;
  private static final int CHROME = 16;

  private final Map<String, Integer> verdicts = new HashMap<>();

  private int flags(String ci) {
    if (ci.isEmpty()) {
      return 0;
    }
    Integer f = verdicts.get(ci);
    if (f == null) {
      int v = 0;
      if (Boilerplate.isNegative(ci)) {
        v |= NEGATIVE;
        if (Boilerplate.isHardChromeName(ci)) {
          v |= HARD;
        }
        if (Boilerplate.isChromeName(ci)) {
          v |= CHROME;
        }
      }
      if (Boilerplate.isPositive(ci)) {
        v |= POSITIVE;
      }
      if (Boilerplate.isBodyName(ci)) {
        v |= BODY;
      }
      f = v;
      verdicts.put(ci, f);
    }
    return f;
  }

  boolean isNegative(String ci) {
    return (flags(ci) & NEGATIVE) != 0;
  }

  boolean isPositive(String ci) {
    return (flags(ci) & POSITIVE) != 0;
  }

  /** See {@link Boilerplate#isChromeBlock}. */
  boolean isChromeBlock(String ci, int chars, double linkDensity) {
    int f = flags(ci);
    if ((f & CHROME) == 0) {
      return false;
    }
    return Boilerplate.chromeVerdict(ci, (f & HARD) != 0, chars, linkDensity);
  }

  /** See {@link Boilerplate#isBodyContainer}. */
  boolean isBodyContainer(Element e) {
    return "articleBody".equals(e.attr("itemprop"))
        || (flags(Boilerplate.classAndId(e)) & BODY) != 0;
  }
}
