package org.beacon.server.net;

/**
 * Makes client-chosen text safe to log: at most 64 characters, control characters (line breaks
 * that would forge log lines) replaced. Only for names; message text and secrets are never logged.
 */
final class LogSafe {
    private static final int MAX = 64;

    private LogSafe() {
    }

    static String name(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 2).append('"');
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
