package org.beacon.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.beacon.server.testing.MutableClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final String IP = "10.0.0.7";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T18:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(
            3, 10, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(8), 1_000), clock);

    private void fail(String user, String ip) {
        assertThat(throttle.tryBegin(user, ip)).as("attempt allowed").isEmpty();
        throttle.failed(user, ip);
    }

    @Nested
    @DisplayName("per account")
    class PerAccount {
        @Test
        void belowThreshold_attemptsAllowed() {
            fail("alice", IP);
            fail("alice", IP);
            assertThat(throttle.tryBegin("alice", IP)).isEmpty();
        }

        @Test
        void atThreshold_blockedForBaseDelay() {
            fail("alice", IP);
            fail("alice", IP);
            fail("alice", IP);
            assertThat(throttle.tryBegin("alice", "10.0.0.8")).contains(Duration.ofSeconds(1));
            clock.advance(Duration.ofMillis(400));
            assertThat(throttle.tryBegin("alice", "10.0.0.8")).contains(Duration.ofMillis(600));
        }

        @Test
        void furtherFailures_doubleTheDelay_upToTheCap() {
            for (int i = 0; i < 3; i++) {
                fail("alice", IP);
            }
            Duration[] expected = {Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(8)};
            for (Duration delay : expected) {
                clock.advance(Duration.ofSeconds(9));
                fail("alice", IP);
                assertThat(throttle.tryBegin("alice", IP)).contains(delay);
            }
        }

        @Test
        void blockedAttempt_isNotCountedAsFailure() {
            for (int i = 0; i < 3; i++) {
                fail("alice", IP);
            }
            for (int i = 0; i < 10; i++) {
                assertThat(throttle.tryBegin("alice", IP)).isPresent();
            }
            clock.advance(Duration.ofSeconds(1));
            assertThat(throttle.tryBegin("alice", IP)).isEmpty();
        }

        @Test
        void success_resetsTheAccount() {
            fail("alice", IP);
            fail("alice", IP);
            assertThat(throttle.tryBegin("alice", IP)).isEmpty();
            throttle.succeeded("alice", IP);
            fail("alice", IP);
            fail("alice", IP);
            assertThat(throttle.tryBegin("alice", IP)).isEmpty();
        }

        @Test
        void failuresOlderThanTheWindow_areForgotten() {
            fail("alice", IP);
            fail("alice", IP);
            clock.advance(Duration.ofMinutes(16));
            fail("alice", IP);
            assertThat(throttle.tryBegin("alice", IP)).isEmpty();
        }

        @Test
        void usernames_areCaseInsensitive() {
            fail("Alice", IP);
            fail("ALICE", IP);
            fail("alice", IP);
            assertThat(throttle.tryBegin("aLiCe", IP)).isPresent();
        }

        @Test
        void unknownAndKnownUsernames_areCountedAlike() {
            for (int i = 0; i < 3; i++) {
                fail("nobody-here", IP);
            }
            assertThat(throttle.tryBegin("nobody-here", IP)).contains(Duration.ofSeconds(1));
        }

        @Test
        void attemptsInFlight_countTowardsTheThreshold() {
            assertThat(throttle.tryBegin("alice", "1.1.1.1")).isEmpty();
            assertThat(throttle.tryBegin("alice", "1.1.1.2")).isEmpty();
            assertThat(throttle.tryBegin("alice", "1.1.1.3")).isEmpty();
            Optional<Duration> fourth = throttle.tryBegin("alice", "1.1.1.4");
            assertThat(fourth).contains(Duration.ofSeconds(1));
            throttle.cancelled("alice", "1.1.1.1");
            assertThat(throttle.tryBegin("alice", "1.1.1.4")).isEmpty();
        }
    }

    @Nested
    @DisplayName("per address")
    class PerAddress {
        @Test
        void manyUsernamesFromOneAddress_blockTheAddress() {
            for (int i = 0; i < 10; i++) {
                fail("user" + i, IP);
            }
            assertThat(throttle.tryBegin("someone-else", IP)).contains(Duration.ofSeconds(1));
            assertThat(throttle.tryBegin("someone-else", "10.0.0.99")).isEmpty();
        }

        @Test
        void success_doesNotResetTheAddress() {
            for (int i = 0; i < 9; i++) {
                fail("user" + i, IP);
            }
            assertThat(throttle.tryBegin("alice", IP)).isEmpty();
            throttle.succeeded("alice", IP);
            fail("user9", IP);
            assertThat(throttle.tryBegin("alice", IP)).isPresent();
        }

        @Test
        void resumeAttempts_areCountedPerAddressOnly() {
            for (int i = 0; i < 10; i++) {
                fail(null, IP);
            }
            assertThat(throttle.tryBegin(null, IP)).isPresent();
        }
    }

    @Test
    void table_staysBounded() {
        LoginThrottle small = new LoginThrottle(new LoginThrottle.Settings(
                3, 10, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofSeconds(8), 100), clock);
        for (int i = 0; i < 1_000; i++) {
            clock.advance(Duration.ofMillis(1));
            assertThat(small.tryBegin("user" + i, "10.1." + (i / 250) + "." + (i % 250))).isEmpty();
            small.failed("user" + i, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(small.size()).isLessThanOrEqualTo(101);
    }
}
