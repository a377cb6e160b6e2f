package org.beacon.protocol.reply;

import java.util.Objects;
import org.beacon.protocol.model.UserProfile;

/**
 * Reply to {@code login} and {@code resume}.
 *
 * @param user        the signed-in user's profile
 * @param imEnabled   whether instant messaging is switched on for the region
 * @param resumeToken secret to sign in again on a new connection with {@code resume}
 */
public record LoginResult(UserProfile user, boolean imEnabled, String resumeToken) {
    public LoginResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(resumeToken, "resume_token");
    }

    @Override
    public String toString() {
        return "LoginResult[user=" + user + ", imEnabled=" + imEnabled + ", resumeToken=***]";
    }
}
