package io.scomon.enrich.text;

import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** The implementation Lucene's attribute factory finds for {@link TermStringAttribute}, by its name. */
public final class TermStringAttributeImpl extends AttributeImpl implements TermStringAttribute {

  private String term;
  private Script script;

  @Override
  public String termString() {
    return term;
  }

  @Override
  public Script script() {
    return script;
  }

  @Override
  public void setTermString(String term, Script script) {
    this.term = term;
    this.script = script;
  }

  @Override
  public void clear() {
    term = null;
    script = null;
  }

  @Override
  public void reflectWith(AttributeReflector reflector) {
    reflector.reflect(TermStringAttribute.class, "termString", term);
  }

  @Override
  public void copyTo(AttributeImpl target) {
    ((TermStringAttribute) target).setTermString(term, script);
  }
}
