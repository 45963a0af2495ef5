package io.scomon.enrich.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * A taxonomy topic turned into slots of phrases and the rules that read them: vetoes and required
 * groups first (they can rule the topic out cheaply), then weighted terms, then proximity pairs.
 */
final class CompiledTopic {

  /** Where a topic's phrases are registered for matching. */
  @FunctionalInterface
  interface PhraseSink {
    void add(Term term, int slot);
  }

  private final Topic topic;
  private final List<TopicRule> rules;
  private final int slotCount;
  private final int excludeSlot;

  private CompiledTopic(Topic topic, List<TopicRule> rules, int slotCount, int excludeSlot) {
    this.topic = topic;
    this.rules = List.copyOf(rules);
    this.slotCount = slotCount;
    this.excludeSlot = excludeSlot;
  }

  static CompiledTopic compile(Topic topic, PhraseSink phrases) {
    List<TopicRule> rules = new ArrayList<>();
    int slot = 0;
    if (!topic.vetoes().isEmpty()) {
      register(topic.vetoes(), slot, phrases);
      rules.add(new VetoRule(slot++));
    }
    for (List<Term> group : topic.required()) {
      register(group, slot, phrases);
      rules.add(new RequiredGroupRule(slot++));
    }
    register(topic.terms(), slot, phrases);
    rules.add(new WeightedTermsRule(slot++));
    for (Proximity pair : topic.proximity()) {
      register(pair.terms(), slot, phrases);
      register(pair.near(), slot + 1, phrases);
      rules.add(new ProximityRule(slot, slot + 1, pair.within(), pair.weight()));
      slot += 2;
    }
    int excludeSlot = -1;
    if (!topic.excludeContexts().isEmpty()) {
      register(topic.excludeContexts(), slot, phrases);
      excludeSlot = slot++;
    }
    return new CompiledTopic(topic, rules, slot, excludeSlot);
  }

  private static void register(List<Term> terms, int slot, PhraseSink phrases) {
    terms.forEach(term -> phrases.add(term, slot));
  }

  Topic topic() {
    return topic;
  }

  TopicHits newHits() {
    return new TopicHits(slotCount, excludeSlot, topic.excludeWithin());
  }

  /** The match of this topic, or null when a rule rules it out or the score stays under the threshold. */
  TopicMatch evaluate(TopicHits hits) {
    ScoreSheet sheet = new ScoreSheet();
    for (TopicRule rule : rules) {
      if (!rule.apply(hits, sheet)) {
        return null;
      }
    }
    return sheet.match(topic);
  }
}
