package io.scomon.enrich.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * The hits of one topic's phrases in one article, by slot (each rule of the topic reads its own
 * slots), and the excluding contexts that cancel hits near them.
 */
final class TopicHits {

  private final List<List<Hit>> slots;
  private final int excludeSlot;
  private final int excludeWithin;

  TopicHits(int slotCount, int excludeSlot, int excludeWithin) {
    this.slots = new ArrayList<>(slotCount);
    for (int i = 0; i < slotCount; i++) {
      slots.add(new ArrayList<>(2));
    }
    this.excludeSlot = excludeSlot;
    this.excludeWithin = excludeWithin;
  }

  void add(int slot, Hit hit) {
    slots.get(slot).add(hit);
  }

  List<Hit> slot(int slot) {
    return slots.get(slot);
  }

  /** True when an excluding context stands within the topic's window of {@code hit}. */
  boolean excluded(Hit hit) {
    if (excludeSlot < 0) {
      return false;
    }
    for (Hit context : slots.get(excludeSlot)) {
      if (context.field() == hit.field() && hit.gap(context) <= hit.window(excludeWithin)) {
        return true;
      }
    }
    return false;
  }
}
