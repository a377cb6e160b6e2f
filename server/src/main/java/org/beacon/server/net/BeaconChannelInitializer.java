package org.beacon.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.codec.FrameDecoder;
import org.beacon.protocol.codec.FrameEncoder;
import org.beacon.protocol.codec.JsonMessageDecoder;

/**
 * Builds each connection's pipeline:
 * <pre>
 *  bytes in ──► frames ──► json ──► connection (state, requests, error mapping)
 *  bytes out ◄── flushes ◄── encoder ◄──┘
 * </pre>
 * {@code flushes} turns the flushes queued for one connection at about the same time (a message's
 * event and the {@code ok} of the desk's own send from the same commit, replies to requests read
 * in one go) into one socket write: on loopback or a LAN every write is a system call plus the
 * TCP path, and under load the store's commits hand out many frames at once.
 * {@code frames} fails fast on an oversized length. The {@link IdleSweep} closes a connection when
 * no complete frame came for the idle timeout (a trickle of bytes that never completes one does
 * not keep it open). The stateless codecs are shared; the {@link ConnectionHandler} is new for
 * every connection.
 */
public final class BeaconChannelInitializer extends ChannelInitializer<Channel> {
    private final NetServices services;
    private final JsonMessageDecoder<ClientMessage> json;
    private final FrameEncoder encoder;
    private final DirectoryViews views;
    private final StatsReporter stats;
    private final IdleSweep idle;

    public BeaconChannelInitializer(NetServices services) {
        this.services = services;
        this.json = JsonMessageDecoder.forRequests(services.json());
        this.encoder = new FrameEncoder(services.json());
        this.views = new DirectoryViews(services.json());
        this.stats = new StatsReporter(services.connections(), services.presence(), services.store(),
                services.clock(), services.transport());
        this.idle = new IdleSweep(services.idleTimeout());
    }

    @Override
    protected void initChannel(Channel channel) {
        services.connections().add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("flushes", new FlushConsolidationHandler(
                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
        pipeline.addLast("frames", new FrameDecoder(services.maxFrame()));
        pipeline.addLast("json", json);
        pipeline.addLast("encoder", encoder);
        ConnectionHandler connection = new ConnectionHandler(services, views, stats);
        pipeline.addLast("connection", connection);
        idle.watch(channel.eventLoop(), connection);
    }
}
