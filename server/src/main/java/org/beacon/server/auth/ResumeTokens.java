package org.beacon.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Makes resume tokens and their digests. A token is 32 random bytes, base64url without padding
 * (43 characters); the store keeps only its SHA-256 digest, so a stolen database copy does not
 * let anyone resume a session.
 */
public final class ResumeTokens {
    private static final int TOKEN_BYTES = 32;
    /** Longer input is not one of our tokens; it is rejected without hashing. */
    static final int MAX_TOKEN_CHARS = 128;

    /** A new token and the digest under which it is stored. Never logged. */
    public record Issued(String token, String digest) {
        @Override
        public String toString() {
            return "Issued[***]";
        }
    }

    private final SecureRandom random;

    public ResumeTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public Issued issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Issued(token, digest(token));
    }

    /** The stored form of a token: SHA-256 of its UTF-8 text, base64url. */
    public static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Whether a string can be a token at all (cheap check before the store is asked). */
    public static boolean plausible(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_CHARS;
    }
}
