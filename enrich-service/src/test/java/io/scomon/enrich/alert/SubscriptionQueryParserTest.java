package io.scomon.enrich.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scomon.enrich.text.TextAnalyzer;
import org.junit.jupiter.api.Test;

class SubscriptionQueryParserTest {

  private final SubscriptionQueryParser parser = new SubscriptionQueryParser(new TextAnalyzer().lucene());

  @Test
  void searchesTitleAndBodyAndRequiresEveryWordByDefault() {
    assertThat(parser.parse("opium trafficking").toString())
        .isEqualTo("+text:opium +text:traffick"); // text: the title and the body as one field
  }

  @Test
  void keepsProximityPhrasesAndFields() {
    assertThat(parser.parse("\"opium trafficking\"~5 AND title:SCO").toString())
        .isEqualTo("+text:\"opium traffick\"~5 +title:sco");
  }

  @Test
  void refusesAQueryThatMatchesEverything() {
    assertThatThrownBy(() -> parser.parse("*")).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("would match every article");
    assertThatThrownBy(() -> parser.parse("*:*")).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("would match every article");
    assertThatThrownBy(() -> parser.parse("NOT football")).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("only NOT clauses");
  }

  @Test
  void refusesExpensiveWildcardsAndRegularExpressions() {
    assertThatThrownBy(() -> parser.parse("*stan")).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("syntax error");
    assertThatThrownBy(() -> parser.parse("ta*")).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("needs at least 3 letters before the first *");
    assertThatThrownBy(() -> parser.parse("/terror.*/")).isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("regular expressions are not allowed");
    assertThat(parser.parse("afghan*").toString()).contains("afghan*");
  }

  @Test
  void namesTheUnknownFieldAndItsPosition() {
    assertThatThrownBy(() -> parser.parse("opium AND author:smith"))
        .isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("unknown field 'author'")
        .satisfies(e -> assertThat(((InvalidSubscriptionException) e).position()).isEqualTo(11));
  }

  @Test
  void pointsAtTheSyntaxError() {
    assertThatThrownBy(() -> parser.parse("opium AND (heroin OR"))
        .isInstanceOf(InvalidSubscriptionException.class)
        .hasMessageContaining("syntax error")
        .satisfies(e -> assertThat(((InvalidSubscriptionException) e).field()).isEqualTo("query"));
  }
}
