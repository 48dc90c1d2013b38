package dev.drsorchestrator.local.sim.http;

/** A tiny XML writer for the query and EC2 protocols; every text and attribute value is escaped. */
public final class Xml {
    private final StringBuilder out = new StringBuilder(512);

    /** A document, starting with the XML declaration. */
    public Xml() {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    private Xml(boolean declaration) {
        if (declaration) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
    }

    /** A fragment to embed in a document: no XML declaration. */
    public static Xml fragment() {
        return new Xml(false);
    }

    /** Appends already-escaped XML (a fragment built by another {@code Xml}). */
    public Xml raw(String xml) {
        out.append(xml);
        return this;
    }

    /** Opens {@code <name xmlns="namespace">}. */
    public Xml open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(escape(namespace)).append("\">");
        return this;
    }

    public Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    public Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>value</name>}, skipped when value is null. */
    public Xml leaf(String name, Object value) {
        if (value != null) {
            out.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</")
                    .append(name).append('>');
        }
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static boolean needsEscaping(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '"' || c == '\'') {
                return true;
            }
        }
        return false;
    }

    /** Escapes the five XML special characters. */
    public static String escape(String text) {
        if (!needsEscaping(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
