package io.scomon.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SmallOnesMergedTest {

  @Test
  void aRestartsBatchesEndAsOneSegment() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory(); IndexWriter writer = writer(directory)) {
      commit(writer, 5_000);
      commit(writer, 5_000);
      commit(writer, 3_000);

      assertThat(segmentSizes(writer)).containsExactly(13_000);
    }
  }

  @Test
  void laterChangesAreMergedTogetherAndIntoTheLargeSegmentOnceTheyAreAnEighthOfIt() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory(); IndexWriter writer = writer(directory)) {
      commit(writer, 8_000);
      for (int change = 0; change < 5; change++) {
        commit(writer, 1);
      }
      assertThat(segmentSizes(writer)).containsExactlyInAnyOrder(8_000, 5);

      commit(writer, 995);
      assertThat(segmentSizes(writer)).containsExactly(9_000);
    }
  }

  private static IndexWriter writer(ByteBuffersDirectory directory) throws IOException {
    return new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())
        .setMergePolicy(new SubscriptionIndex.SmallOnesMerged()).setMergeScheduler(new SerialMergeScheduler()));
  }

  private static void commit(IndexWriter writer, int documents) throws IOException {
    for (int i = 0; i < documents; i++) {
      Document document = new Document();
      document.add(new StringField("id", "q" + i, Field.Store.NO));
      writer.addDocument(document);
    }
    writer.commit();
  }

  private static int[] segmentSizes(IndexWriter writer) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return reader.leaves().stream().mapToInt(leaf -> leaf.reader().maxDoc()).toArray();
    }
  }
}
