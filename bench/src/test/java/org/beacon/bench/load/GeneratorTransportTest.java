package org.beacon.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import org.beacon.client.net.ClientTransport;
import org.junit.jupiter.api.Test;

class GeneratorTransportTest {
    @Test
    void parse_takesTheCommandLineSpellings() {
        assertThat(GeneratorTransport.parse("io_uring")).isEqualTo(GeneratorTransport.IO_URING);
        assertThat(GeneratorTransport.parse("io-uring")).isEqualTo(GeneratorTransport.IO_URING);
        assertThat(GeneratorTransport.parse(" Epoll ")).isEqualTo(GeneratorTransport.EPOLL);
        assertThat(GeneratorTransport.parse(GeneratorTransport.NIO.toString())).isEqualTo(GeneratorTransport.NIO);
        assertThatThrownBy(() -> GeneratorTransport.parse("uring")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void auto_takesIoUring_thenEpoll_thenNio() {
        String expected = IoUring.isAvailable() ? "io_uring" : Epoll.isAvailable() ? "epoll" : "nio";
        try (ClientTransport transport = GeneratorTransport.AUTO.create(1)) {
            assertThat(GeneratorTransport.name(transport)).isEqualTo(expected);
        }
    }

    @Test
    void named_givesThatTransport_orSaysWhyNot() {
        try (ClientTransport nio = GeneratorTransport.NIO.create(1)) {
            assertThat(GeneratorTransport.name(nio)).isEqualTo("nio");
        }
        if (Epoll.isAvailable()) {
            try (ClientTransport epoll = GeneratorTransport.EPOLL.create(1)) {
                assertThat(GeneratorTransport.name(epoll)).isEqualTo("epoll");
            }
        } else {
            assertThatThrownBy(() -> GeneratorTransport.EPOLL.create(1))
                    .hasMessageStartingWith("epoll is not available on this machine");
        }
    }
}
