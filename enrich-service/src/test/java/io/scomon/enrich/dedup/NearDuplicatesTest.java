package io.scomon.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real-like texts the distance threshold was chosen from: one agency story (the Khovar report
 * of the SCO security council secretaries' meeting) as three sites, a forum and an editor carry it,
 * and a different text on the same subject.
 */
class NearDuplicatesTest {

  static final String STORY = resource("/dedup/agency-story.txt");
  static final String OTHER_STORY_SAME_SUBJECT = resource("/dedup/same-subject-forum-post.txt");

  static final String SITE_A = "Home | World | Asia\nDushanbe Hosts SCO Security Council Secretaries Meeting\n"
      + "By Staff Reporter | Published 24 June 2021\n" + STORY
      + "\nShare this article: Facebook Twitter WhatsApp\nMost read: Floods in Khatlon region; Tajik team wins gold\n"
      + "© 2021 Asia-Plus. All rights reserved.";
  static final String SITE_B = "NEWS / REGION\n" + STORY + "\nTags: SCO, security, Tajikistan\n"
      + "Subscribe to our newsletter for the latest news from Central Asia";
  static final String SITE_C = "Source: Khovar\n" + STORY.replace("Read also\n", "") + "\nRelated: SCO defence ministers to meet in Dushanbe";
  static final String FORUM_REPOST = "View Single Post\n #1 \nOld Friday, June 25, 2021\nCentralAsiaWatcher is offline\n"
      + "Senior Member\nJoin Date: Mar 2015\nPosts: 2,311\nRe: SCO security secretaries in Dushanbe\n" + STORY
      + "\nQuote from the agency, thoughts?\nReply With Quote";
  static final String LIGHTLY_EDITED = STORY
      .replace("Yesterday, the Secretary", "On Wednesday, the Secretary")
      .replace("16th meeting", "sixteenth meeting")
      .replace("The devastating impact of the COVID-19 pandemic has become a serious test for the entire world community.",
          "The pandemic has become a serious test for the world.")
      .replace("They unanimously stressed", "They stressed");

  private static String resource(String name) {
    try (InputStream in = NearDuplicatesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int distance(String a, String b) {
    return SimHash.distance(SimHash.of(a), SimHash.of(b));
  }

  @Test
  void sameAgencyStoryOnThreeSitesWithDifferentChromeIsAtMostTwoBitsApart() {
    assertThat(distance(STORY, SITE_A)).isLessThanOrEqualTo(2);
    assertThat(distance(STORY, SITE_B)).isLessThanOrEqualTo(2);
    assertThat(distance(SITE_A, SITE_C)).isLessThanOrEqualTo(2);
  }

  @Test
  void forumRepostIsAtMostTwoBitsFromTheStory() {
    assertThat(distance(SITE_A, FORUM_REPOST)).isLessThanOrEqualTo(2);
  }

  @Test
  void lightlyEditedCopyStaysWithinTheThreshold() {
    assertThat(distance(STORY, LIGHTLY_EDITED)).isBetween(1, NearDuplicates.DEFAULT_MAX_DISTANCE);
  }

  @Test
  void differentStoryOnTheSameSubjectIsFarApart() {
    assertThat(distance(STORY, OTHER_STORY_SAME_SUBJECT)).isGreaterThanOrEqualTo(20);
  }

  @Test
  void chineseCopiesAreCloseAndDifferentChineseStoriesAreFar() {
    String story = "上海合作组织成员国安全会议秘书第十六次会议在杜尚别举行。各方就维护地区安全与稳定、打击恐怖主义、"
        + "毒品犯罪和网络犯罪等问题交换了意见。与会代表还讨论了阿富汗局势及塔阿边境安全问题。各方一致认为，"
        + "应当进一步加强执法安全合作，共同应对新的威胁和挑战，为上合组织元首理事会会议做好准备。";
    String copy = "首页 > 国际新闻\n" + story + "\n责任编辑：王明";
    String other = "中俄“海上联合-2024”联合演习在日本海举行，双方海军驱逐舰、潜艇和舰载机参加，重点演练反潜和防空科目。"
        + "日本方面表示正在密切关注两国舰艇的动向。专家认为，此次演习有助于提升两国海军的协同作战能力。";
    assertThat(distance(story, copy)).isLessThanOrEqualTo(NearDuplicates.DEFAULT_MAX_DISTANCE);
    assertThat(distance(story, other)).isGreaterThanOrEqualTo(20);
  }

  @Test
  void repeatGetsTheFirstSeenArticleAndItsStory() {
    NearDuplicates duplicates = new NearDuplicates();
    FingerprintIndex index = duplicates.newIndex(1_000);

    StoryAssignment first = duplicates.assign("khovar-1", SimHash.of(STORY), 1_000, index);
    StoryAssignment second = duplicates.assign("asiaplus-7", SimHash.of(SITE_A), 2_000, index);
    StoryAssignment third = duplicates.assign("forum-42", SimHash.of(FORUM_REPOST), 3_000, index);
    StoryAssignment edited = duplicates.assign("edited-3", SimHash.of(LIGHTLY_EDITED), 4_000, index);
    StoryAssignment other = duplicates.assign("forum-99", SimHash.of(OTHER_STORY_SAME_SUBJECT), 5_000, index);

    assertThat(first).isEqualTo(new StoryAssignment("khovar-1", Optional.empty()));
    assertThat(second.storyId()).isEqualTo("khovar-1");
    assertThat(second.duplicateOf()).get().extracting(DuplicateMatch::firstSeenArticleId).isEqualTo("khovar-1");
    assertThat(third.duplicateOf()).get().extracting(DuplicateMatch::firstSeenArticleId).isEqualTo("khovar-1");
    assertThat(edited.storyId()).isEqualTo("khovar-1");
    assertThat(other).isEqualTo(new StoryAssignment("forum-99", Optional.empty()));
  }

  @Test
  void replayingAnArticleGivesTheSameAnswer() {
    NearDuplicates duplicates = new NearDuplicates();
    FingerprintIndex index = duplicates.newIndex(1_000);
    duplicates.assign("a", SimHash.of(STORY), 1_000, index);
    StoryAssignment once = duplicates.assign("b", SimHash.of(SITE_B), 2_000, index);
    duplicates.assign("c", SimHash.of(SITE_C), 3_000, index);

    StoryAssignment again = duplicates.assign("b", SimHash.of(SITE_B), 2_000, index);

    assertThat(again).isEqualTo(once);
    assertThat(again.duplicateOf().orElseThrow().firstSeenArticleId()).isEqualTo("a");
  }

  @Test
  void everyFingerprintWithinTheThresholdIsFoundAndOneBitMoreIsNot() {
    NearDuplicates duplicates = new NearDuplicates(5);
    FingerprintIndex index = duplicates.newIndex(1_000);
    long original = 0x9E3779B97F4A7C15L;
    duplicates.assign("original", original, 1, index);
    // flip bits spread over all bands: every band but one is touched
    long fiveBitsAway = original ^ (1L | 1L << 11 | 1L << 22 | 1L << 33 | 1L << 44);
    long sixBitsAway = fiveBitsAway ^ (1L << 60);

    assertThat(duplicates.find(fiveBitsAway, index)).contains(new DuplicateMatch("original", "original", 5));
    assertThat(duplicates.find(sixBitsAway, index)).isEmpty();
  }

  @Test
  void bandsSplitSixtyFourBitsEvenly() {
    Bands bands = new Bands(6);
    long[] keys = bands.keys(-1L);
    assertThat(keys).hasSize(6);
    assertThat(keys[0]).isEqualTo((1L << 11) - 1); // band 0: 11 bits
    assertThat(keys[5]).isEqualTo((5L << 56) | ((1L << 10) - 1)); // band 5: 10 bits
    assertThat(new Bands(4).keys(0x0001_0002_0003_0004L))
        .containsExactly(0x0004L, (1L << 56) | 0x0003L, (2L << 56) | 0x0002L, (3L << 56) | 0x0001L);
  }
}
