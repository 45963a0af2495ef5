package io.scomon.enrich.text;

import org.apache.lucene.util.Attribute;

/**
 * The current term as a {@link String} and its script, when the analysis chain already has one (a stem it
 * remembered), so that {@link TextAnalyzer#analyze} need not build and hash a new string for every
 * token; null otherwise.
 */
public interface TermStringAttribute extends Attribute {

  String termString();

  /** The script of {@link #termString()}, when that is known. */
  Script script();

  void setTermString(String term, Script script);
}
