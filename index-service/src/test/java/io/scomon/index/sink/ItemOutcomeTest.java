package io.scomon.index.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ItemOutcomeTest {

  @Test
  void createdAndUpdatedItemsAreWritten() {
    assertThat(ItemOutcome.of(201, null)).isEqualTo(ItemOutcome.WRITTEN);
    assertThat(ItemOutcome.of(200, null)).isEqualTo(ItemOutcome.WRITTEN);
  }

  @Test
  void aVersionConflictMeansANewerCopyIsAlreadyStored() {
    assertThat(ItemOutcome.of(409, "version_conflict_engine_exception")).isEqualTo(ItemOutcome.SUPERSEDED);
  }

  @Test
  void overloadServerErrorsMissingIndicesAndWriteBlocksAreRetried() {
    assertThat(ItemOutcome.of(429, "es_rejected_execution_exception")).isEqualTo(ItemOutcome.RETRY);
    assertThat(ItemOutcome.of(503, "unavailable_shards_exception")).isEqualTo(ItemOutcome.RETRY);
    assertThat(ItemOutcome.of(404, "index_not_found_exception")).isEqualTo(ItemOutcome.RETRY);
    assertThat(ItemOutcome.of(403, "cluster_block_exception")).isEqualTo(ItemOutcome.RETRY);
  }

  @Test
  void mappingErrorsAreRejected() {
    assertThat(ItemOutcome.of(400, "document_parsing_exception")).isEqualTo(ItemOutcome.REJECTED);
    assertThat(ItemOutcome.of(400, "strict_dynamic_mapping_exception")).isEqualTo(ItemOutcome.REJECTED);
    assertThat(ItemOutcome.of(400, "illegal_argument_exception")).isEqualTo(ItemOutcome.REJECTED);
  }
}
