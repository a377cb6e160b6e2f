package org.beacon.client.ui.im;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap of one line of text to a width in pixels: breaks at spaces, and inside a word
 * only when the word alone is wider than the line (a pasted URL, a run of digits). Measures with
 * the same {@link FontMetrics} the text is painted with, so a wrapped line never overflows.
 */
final class TextWrap {
    private TextWrap() {
    }

    /** The lines of {@code text} at most {@code width} pixels wide (the text itself if it fits, or if {@code width < 1}). */
    static List<String> lines(String text, FontMetrics metrics, int width) {
        if (width < 1 || metrics.stringWidth(text) <= width) {
            return List.of(text);
        }
        char[] chars = text.toCharArray();
        int n = chars.length;
        List<String> out = new ArrayList<>();
        int start = skipSpaces(chars, 0);
        while (start < n) {
            if (metrics.charsWidth(chars, start, n - start) <= width) {
                out.add(text.substring(start));
                break;
            }
            int fit = start;
            int wordEnd = endOfWord(chars, start);
            while (wordEnd <= n && metrics.charsWidth(chars, start, wordEnd - start) <= width) {
                fit = wordEnd;
                if (wordEnd == n) {
                    break;
                }
                wordEnd = endOfWord(chars, skipSpaces(chars, wordEnd));
            }
            if (fit == start) {
                // One word wider than the line: as many characters as fit, at least one.
                fit = start + 1;
                while (fit < n && metrics.charsWidth(chars, start, fit + 1 - start) <= width) {
                    fit++;
                }
            }
            out.add(text.substring(start, fit));
            start = skipSpaces(chars, fit);
        }
        return out.isEmpty() ? List.of("") : out;
    }

    private static int skipSpaces(char[] chars, int from) {
        int i = from;
        while (i < chars.length && chars[i] == ' ') {
            i++;
        }
        return i;
    }

    private static int endOfWord(char[] chars, int from) {
        int i = from;
        while (i < chars.length && chars[i] != ' ') {
            i++;
        }
        return i;
    }
}
