package io.scomon.enrich.stage;

import io.scomon.enrich.entity.EntityMatch;
import io.scomon.enrich.entity.EntityRecognizer;
import io.scomon.schemas.Entity;
import io.scomon.schemas.EntityType;

/** Finds gazetteer entities (countries, places, organisations, people) in title and body. */
public final class EntityStage implements ArticleEnricher {

  private final EntityRecognizer recognizer;

  public EntityStage(EntityRecognizer recognizer) {
    this.recognizer = recognizer;
  }

  @Override
  public void enrich(EnrichmentDraft draft) {
    draft.entities(recognizer.recognize(draft.title(), draft.body()).stream().map(EntityStage::toAvro).toList());
  }

  static Entity toAvro(EntityMatch match) {
    return Entity.newBuilder()
        .setType(EntityType.valueOf(match.type().name()))
        .setId(match.id())
        .setName(match.name())
        .setCountryCode(match.countryCode())
        .setLat(match.lat())
        .setLon(match.lon())
        .setMentions(match.mentions())
        .build();
  }
}
