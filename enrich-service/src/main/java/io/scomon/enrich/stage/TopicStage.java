package io.scomon.enrich.stage;

import io.scomon.enrich.tag.TopicMatch;
import io.scomon.enrich.tag.TopicTagger;
import io.scomon.schemas.Evidence;
import io.scomon.schemas.TopicTag;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Tags taxonomy topics with their score and evidence, using the taxonomy in force right now. */
public final class TopicStage implements ArticleEnricher {

  private final Supplier<TopicTagger> tagger;

  /** @param tagger the current tagger; a reloaded taxonomy takes effect on the next article */
  public TopicStage(Supplier<TopicTagger> tagger) {
    this.tagger = tagger;
  }

  @Override
  public void enrich(EnrichmentDraft draft) {
    TopicTagger current = tagger.get();
    List<TopicMatch> matches = current.tag(draft.title(), draft.body());
    draft.taxonomyVersion(current.taxonomy().version());
    draft.topics(matches.stream().map(TopicStage::toAvro).toList());
  }

  static TopicTag toAvro(TopicMatch match) {
    return TopicTag.newBuilder()
        .setName(match.name())
        .setScore(match.score())
        .setEvidence(match.evidence().stream()
            .map(e -> Evidence.newBuilder().setTerm(e.term()).setCount(e.count())
                .setField(e.field().name().toLowerCase(Locale.ROOT)).setWeight(e.weight()).build())
            .toList())
        .build();
  }
}
