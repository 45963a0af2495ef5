package io.scomon.enrich.text;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** The implementation Lucene's attribute factory finds for {@link TermStringAttribute}, by its name. */
public final class TermStringAttributeImpl extends AttributeImpl implements TermStringAttribute {

  private String term;

  @Override
  public String termString() {
    return term;
  }

  @Override
  public void setTermString(String term) {
    this.term = term;
  }

  @Override
  public void clear() {
    term = null;
  }

  @Override
  public void reflectWith(AttributeReflector reflector) {
    reflector.reflect(TermStringAttribute.class, "termString", term);
  }

  @Override
  public void copyTo(AttributeImpl target) {
    ((TermStringAttribute) target).setTermString(term);
  }
}
