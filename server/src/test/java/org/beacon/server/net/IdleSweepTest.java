package org.beacon.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdleSweepTest {
    private static final long TIMEOUT = 1_000;

    /** A connection whose frames, closing and time-out the test drives. */
    private static class Member implements IdleSweep.Watched {
        boolean heard;
        boolean open = true;
        int timedOut;

        @Override
        public boolean takeHeard() {
            boolean was = heard;
            heard = false;
            return was;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void idleTimedOut() {
            timedOut++;
            open = false;
        }
    }

    @Test
    void silentConnection_timesOutAtTheTimeout_notBefore_andOnlyOnce() {
        IdleSweep.Roster roster = new IdleSweep.Roster(TIMEOUT);
        Member silent = new Member();
        roster.add(silent, 0);

        roster.sweep(TIMEOUT - 1);
        assertThat(silent.timedOut).isZero();
        roster.sweep(TIMEOUT);
        roster.sweep(TIMEOUT + 500);

        assertThat(silent.timedOut).isEqualTo(1);
        assertThat(roster.size()).isZero();
    }

    @Test
    void aFrame_restartsTheClockFromTheSweepThatSawIt() {
        IdleSweep.Roster roster = new IdleSweep.Roster(TIMEOUT);
        Member talking = new Member();
        roster.add(talking, 0);

        talking.heard = true;
        roster.sweep(900);
        roster.sweep(1_899);
        assertThat(talking.timedOut).isZero();
        roster.sweep(1_900);

        assertThat(talking.timedOut).isEqualTo(1);
    }

    @Test
    void closedConnections_areForgotten_withoutATimeout() {
        IdleSweep.Roster roster = new IdleSweep.Roster(TIMEOUT);
        Member closed = new Member();
        roster.add(closed, 0);
        closed.open = false;

        roster.sweep(5 * TIMEOUT);

        assertThat(closed.timedOut).isZero();
        assertThat(roster.size()).isZero();
    }

    @Test
    void manyConnections_eachIsJudgedOnItsOwn_asOthersLeaveAroundIt() {
        IdleSweep.Roster roster = new IdleSweep.Roster(TIMEOUT);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Member member = new Member();
            members.add(member);
            roster.add(member, 0);
        }
        for (int i = 0; i < members.size(); i++) {
            switch (i % 3) {
                case 0 -> members.get(i).open = false;
                case 1 -> members.get(i).heard = true;
                default -> { } // silent
            }
        }

        roster.sweep(TIMEOUT);

        for (int i = 0; i < members.size(); i++) {
            assertThat(members.get(i).timedOut).as("member %d", i).isEqualTo(i % 3 == 2 ? 1 : 0);
        }
        assertThat(roster.size()).isEqualTo(333);
        roster.sweep(2 * TIMEOUT);
        assertThat(members).allSatisfy(m -> assertThat(m.timedOut).isLessThanOrEqualTo(1));
        assertThat(roster.size()).isZero();
    }

    @Test
    void sweepInterval_isAnEighthOfTheTimeout_within10msAnd1s() {
        assertThat(IdleSweep.intervalFor(Duration.ofSeconds(90).toNanos())).isEqualTo(TimeUnit.SECONDS.toNanos(1));
        assertThat(IdleSweep.intervalFor(Duration.ofMillis(800).toNanos())).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(IdleSweep.intervalFor(Duration.ofMillis(20).toNanos())).isEqualTo(TimeUnit.MILLISECONDS.toNanos(10));
    }

    @Test
    void watch_timesOutOnTheConnectionsOwnLoop() throws Exception {
        EventLoop loop = new DefaultEventLoop();
        try {
            CompletableFuture<Thread> timedOutOn = new CompletableFuture<>();
            CompletableFuture<Thread> loopThread = new CompletableFuture<>();
            loop.execute(() -> loopThread.complete(Thread.currentThread()));
            IdleSweep sweep = new IdleSweep(Duration.ofMillis(50));
            sweep.watch(loop, new Member() {
                @Override
                public void idleTimedOut() {
                    super.idleTimedOut();
                    timedOutOn.complete(Thread.currentThread());
                }
            });

            assertThat(timedOutOn.get(10, TimeUnit.SECONDS)).isSameAs(loopThread.get(10, TimeUnit.SECONDS));
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
