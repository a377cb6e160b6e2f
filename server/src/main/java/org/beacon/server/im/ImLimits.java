package org.beacon.server.im;

/**
 * Limits of the IM service.
 *
 * @param sendsPerSecond   sustained messages a second one user may send
 * @param sendBurst        messages a user may send at once before the rate applies
 * @param maxParticipants  most participants in one conference
 * @param maxTitleChars    longest conference title
 */
public record ImLimits(double sendsPerSecond, int sendBurst, int maxParticipants, int maxTitleChars) {
    /** 20 messages a second with bursts of 40: far above a person typing, far below a flood. */
    public static ImLimits defaults() {
        return new ImLimits(20, 40, 2_000, 200);
    }

    public ImLimits withSendRate(double perSecond, int burst) {
        return new ImLimits(perSecond, burst, maxParticipants, maxTitleChars);
    }

    public ImLimits {
        if (sendsPerSecond <= 0 || sendBurst < 1 || maxParticipants < 2 || maxTitleChars < 1) {
            throw new IllegalArgumentException("bad IM limits: " + sendsPerSecond + "/s, burst " + sendBurst
                    + ", participants " + maxParticipants + ", title " + maxTitleChars);
        }
    }
}
