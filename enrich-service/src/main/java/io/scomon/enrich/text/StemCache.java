package io.scomon.enrich.text;

import java.util.Arrays;

/**
 * Stems already computed, by word, for one thread's analysis chain. News repeats its words, so
 * nearly every token is found here; finding it is then most of what stemming costs, and a general
 * map ({@code CharArrayMap}) read a key from memory at every probe of a crowded table. Here the
 * table is at most half full, a probe compares hashes kept apart, and a found entry holds the word
 * and its stem as a {@link String} (whose hash is computed once, for the taggers' lookups).
 * Cleared when full. Not thread-safe.
 */
final class StemCache {

  private final int[] hashes;
  private final char[][] words;
  private final String[] stems;
  private final int mask;
  private final int capacity;
  private int size;

  /** Holds up to {@code capacity} words. */
  StemCache(int capacity) {
    int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
    this.hashes = new int[slots];
    this.words = new char[slots][];
    this.stems = new String[slots];
    this.mask = slots - 1;
    this.capacity = capacity;
  }

  /** The stem of {@code word[0, length)}, or null when it is not known. */
  String get(char[] word, int length) {
    int hash = hash(word, length);
    for (int slot = hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && Arrays.equals(words[slot], 0, words[slot].length, word, 0, length)) {
        return stems[slot];
      }
    }
    return null;
  }

  /** Remembers the stem of {@code word[0, length)} (which must not be known yet). */
  void put(char[] word, int length, String stem) {
    if (size >= capacity) {
      Arrays.fill(hashes, 0);
      Arrays.fill(words, null);
      Arrays.fill(stems, null);
      size = 0;
    }
    int hash = hash(word, length);
    int slot = hash & mask;
    while (hashes[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    hashes[slot] = hash;
    words[slot] = Arrays.copyOf(word, length);
    stems[slot] = stem;
    size++;
  }

  int size() {
    return size;
  }

  /** A well-mixed hash, never 0 (0 marks a free slot). */
  private static int hash(char[] word, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      h = 31 * h + word[i];
    }
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h == 0 ? 1 : h;
  }
}
