package io.scomon.enrich.dedup;

/**
 * Splits a 64-bit fingerprint into {@code count} bands of (nearly) equal width. Two fingerprints
 * at Hamming distance d &lt; count agree on at least one whole band (pigeonhole), so looking up
 * every band finds every fingerprint within {@code count - 1} bits. A band key holds the band's
 * index in its top byte and the band's bits below.
 */
public final class Bands {

  private final int[] shifts;
  private final long[] masks;

  public Bands(int count) {
    if (count < 1 || count > 16) {
      throw new IllegalArgumentException("band count must be 1 to 16, was " + count);
    }
    shifts = new int[count];
    masks = new long[count];
    int shift = 0;
    for (int band = 0; band < count; band++) {
      int width = 64 / count + (band < 64 % count ? 1 : 0);
      shifts[band] = shift;
      masks[band] = width == 64 ? -1L : (1L << width) - 1;
      shift += width;
    }
  }

  public int count() {
    return shifts.length;
  }

  /** The band keys of {@code fingerprint}, one per band. */
  public long[] keys(long fingerprint) {
    long[] keys = new long[shifts.length];
    for (int band = 0; band < shifts.length; band++) {
      keys[band] = ((long) band << 56) | ((fingerprint >>> shifts[band]) & masks[band]);
    }
    return keys;
  }
}
