package io.scomon.ingest.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * How page chrome announces itself in class and id attributes and in short label texts. Shared
 * by the pruning and cleaning stages so that the patterns are declared once.
 */
final class Boilerplate {

  private Boilerplate() {}

  /** Class/id fragments of navigation, sharing, related links, comments, ads and the like. */
  private static final Pattern NEGATIVE = Pattern.compile(
      "breadcrumb|sidebar|share|social|related|recommend|newsletter|subscri|signup|cookie"
          + "|consent|advert|sponsor|promo|popup|modal|disqus|outbrain|taboola|paywall"
          + "|pagination|masthead|trending|footer|navbar|navigation|comment|mostread|most-read"
          + "|morestories|more-stories|readmore|read-more|readalso|read-also|seealso|see-also"
          + "|author-?bio|about-?author|tagcloud|tag-cloud|taglist|tag-list"
          + "|(?:^|[^a-z0-9])(?:nav|menu|menus|ad|ads|adslot|adunit|dfp|gpt|tags|meta|rail"
          + "|tools|toolbar|skip|jump|print|login|search|header|banner|rating|byline|caption"
          + "|credit|credits|follow|widget|widgets|popular|teaser|alert|sticky|utility|dateline"
          + "|timestamp|overlay|feedback|crumbs|subnav|topbar|donate|sr-only|visually-hidden"
          + "|screen-reader-text|invisible|d-none|print-only|noprint|pager|post-meta"
          + "|entry-meta|article-meta|keywords|reactions|reaction|likes|rightcol|leftcol)"
          + "(?:$|[^a-z0-9])");

  /** Chrome that stays chrome even inside a content-named wrapper ("post-comments"). */
  private static final Pattern HARD_NEGATIVE = Pattern.compile(
      "comment|share|sharing|social|related|recommend|newsletter|cookie|consent|advert"
          + "|sponsor|promo|popup|modal|disqus|outbrain|taboola|paywall|subscri|signup"
          + "|breadcrumb|footer|copyright|(?:^|[^a-z0-9])(?:ad|ads|nav|menu|tags|byline|caption"
          + "|legal)(?:$|[^a-z0-9])");

  /**
   * Whether a block named by {@code classAndId} is chrome, given its size and link density: a
   * soft name ("widget", "header") on a block of real, unlinked text does not count.
   */
  static boolean isChromeBlock(String classAndId, int chars, double linkDensity) {
    if (!isChromeName(classAndId)) {
      return false;
    }
    return chromeVerdict(classAndId, isHardChromeName(classAndId), chars, linkDensity);
  }

  /** The size and link-density part of {@link #isChromeBlock}, for a chrome-named block. */
  static boolean chromeVerdict(String classAndId, boolean hard, int chars, double linkDensity) {
    if (hard) {
      // a long run of plain text under a promotional modifier ("subscription-eligible") is
      // content; comment threads stay chrome however long they are
      return chars < 1000 || linkDensity >= 0.15 || classAndId.contains("comment")
          || isConsentName(classAndId);
    }
    return linkDensity >= 0.25 || chars < 150;
  }

  /** Cookie and consent dialogs: never content, however much text they hold. */
  static boolean isConsentName(String classAndId) {
    return classAndId.contains("cookie") || classAndId.contains("consent")
        || classAndId.contains("gdpr") || classAndId.contains("onetrust");
  }

  static boolean isHardChromeName(String classAndId) {
    return !classAndId.isEmpty() && HARD_NEGATIVE.matcher(classAndId).find();
  }

  /** Class/id fragments of the real content container. */
  private static final Pattern POSITIVE = Pattern.compile(
      "(?:^|[^a-z0-9])(?:article|articlebody|article-?body|article-?content|article-?text|body"
          + "|content|entry|entry-?content|main|post|post-?body|post-?content|story|story-?body"
          + "|text|blog|page|column|prose|richtext|rich-?text|markdown|news)"
          + "(?:$|[^a-z0-9])");

  /** Class/id fragments that say "this is the article body" (a very strong signal). */
  private static final Pattern BODY = Pattern.compile(
      "article[-_]{0,2}(?:body|content|text|main|detail)|entry[-_]?content|post[-_]?(?:body|content|text)"
          + "|story[-_]?(?:body|content)|body[-_]?text|text[-_]?(?:content|body)"
          + "|content[-_]{0,2}body|main[-_]?content|news[-_]?(?:text|content|detail)"
          + "|single[-_]?content|detail[-_]?content|full[-_]?text|field[-_]?(?:name[-_]?)?body"
          + "|rich[-_]?text|blog[-_]?content");

  /** Lowercased class and id of the element, space separated. */
  static String classAndId(Element e) {
    String cls = e.className();
    String id = e.id();
    if (cls.isEmpty() && id.isEmpty()) {
      return "";
    }
    return (cls + " " + id).toLowerCase(Locale.ROOT);
  }

  static boolean isNegative(String classAndId) {
    return !classAndId.isEmpty() && NEGATIVE.matcher(classAndId).find();
  }

  /**
   * Whether the class/id names chrome: a hard chrome word anywhere, or a softer one
   * ("sidebar", "widget", "header") on an element not also named as content.
   */
  static boolean isChromeName(String classAndId) {
    if (classAndId.isEmpty() || !NEGATIVE.matcher(classAndId).find()
        || classAndId.contains("embed")) {
      return false; // embedded posts ("social-media-embed") are quoted content
    }
    return HARD_NEGATIVE.matcher(classAndId).find() || !POSITIVE.matcher(classAndId).find();
  }

  static boolean isPositive(String classAndId) {
    return !classAndId.isEmpty() && POSITIVE.matcher(classAndId).find();
  }

  static boolean isBodyContainer(Element e) {
    return "articleBody".equals(e.attr("itemprop")) || isBodyName(classAndId(e));
  }

  static boolean isBodyName(String classAndId) {
    return !classAndId.isEmpty() && BODY.matcher(classAndId).find();
  }

  /** Short labels that introduce a related-links widget ("Read also", "Related articles"...). */
  private static final Pattern RELATED_LABEL = Pattern.compile(
      "(?iu)^\\W*(?:read|see|watch|view)\\s+(?:also|more|next|too)\\b.*"
          + "|^\\W*(?:also\\s+read|related(?:\\s+(?:articles?|stories|news|posts?|content|topics?|links?|coverage))?"
          + "|more\\s+(?:on\\s+this|from|stories|news|articles?|in)\\b.*|recommended(?:\\s+for\\s+you)?"
          + "|you\\s+may\\s+(?:also\\s+)?(?:like|be\\s+interested).*|most\\s+(?:read|popular|viewed)"
          + "|trending(?:\\s+now)?|share\\s+(?:this|on)\\b.*|share|tags?|topics?)\\W*$"
          + "|^\\W*(?:читайте\\s+также|читать\\s+также|см\\.?\\s+также|по\\s+теме|похожие\\s+новости"
          + "|другие\\s+новости|ещё\\s+по\\s+теме|еще\\s+по\\s+теме)\\b.*"
          + "|^\\W*(?:相关新闻|相关阅读|相关文章|延伸阅读|推荐阅读|热点推荐|猜你喜欢|更多新闻).*");

  /** Whether a short text is a label that introduces a related-links widget. */
  static boolean isRelatedLabel(String text) {
    return text.length() <= 80 && RELATED_LABEL.matcher(text).matches();
  }
}
