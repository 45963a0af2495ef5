package io.scomon.enrich.tag;

/** One occurrence of a taxonomy phrase: tokens {@code [start, end)} of a field. */
record Hit(Term term, Field field, int start, int end, boolean han) {

  /** Tokens between the two hits in the same field; -1 when they overlap. */
  int gap(Hit other) {
    if (other.end <= start) {
      return start - other.end;
    }
    if (end <= other.start) {
      return other.start - end;
    }
    return -1;
  }

  /** Chinese tokens are characters, about half a word each, so windows over them are twice as long. */
  int window(int words) {
    return han ? words * 2 : words;
  }
}
