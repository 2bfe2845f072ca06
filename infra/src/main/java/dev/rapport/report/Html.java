package dev.rapport.report;

import java.util.Locale;

/** Escaping and number formatting for text put into the report's HTML and SVG. */
public final class Html {

    private Html() {}

    /** Escapes text for an element's content or a quoted attribute value (HTML and SVG alike). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters other than tab and newline are not allowed in HTML text.
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A coordinate for SVG: at most two decimals, no exponent, a dot as decimal separator. */
    public static String coordinate(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coordinate is not finite: " + value);
        }
        String text = String.format(Locale.ROOT, "%.2f", value);
        text = text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        return text.equals("-0") ? "0" : text;
    }

    /** One decimal, as people read a score: 23.4, -5.0. */
    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** An NPS with its sign: +23.4, -5.0, 0.0. */
    public static String signed(double value) {
        String text = oneDecimal(value);
        return value > 0 && !text.equals("0.0") ? "+" + text : text;
    }

    /** A share as a percentage with one decimal: 0.873 gives 87.3%. */
    public static String percent(double share) {
        return oneDecimal(100.0 * share) + "%";
    }

    /** A count with thousands separators: 12,345. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
