package org.beacon.client.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import org.beacon.protocol.ClientMessage;
import org.beacon.protocol.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a client pipeline: replies go to the {@link Link}'s waiting requests, events
 * to the connection; idle events keep the heartbeat. One instance per channel.
 *
 * <p>Heartbeat (with an {@link io.netty.handler.timeout.IdleStateHandler} whose reader and writer
 * idle times are the heartbeat interval): nothing written for an interval, or nothing read for an
 * interval, sends a {@code ping}; nothing read for a second interval in a row means the peer is
 * dead (its reply to the ping never came), and the channel is closed, which counts as a drop.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<ServerMessage> {
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final Link link;
    private final Connection connection;

    Link link() {
        return link;
    }

    ConnectionHandler(Link link, Connection connection) {
        super(ServerMessage.class);
        this.link = link;
        this.connection = connection;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ServerMessage message) {
        if (message instanceof ServerMessage.Reply reply) {
            if (reply.id() == null) {
                log.warn("server error not tied to a request: {}", reply);
            } else {
                link.onReply(reply);
            }
        } else if (message instanceof ServerMessage.Event event) {
            connection.onEvent(link, event);
        } else {
            throw new IllegalStateException("unknown server message " + message);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE && !idle.isFirst()) {
                log.warn("no frame from {} for two heartbeat intervals: closing", ctx.channel().remoteAddress());
                ctx.close();
            } else {
                link.send(id -> new ClientMessage.Ping(id)).exceptionally(e -> null);
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        link.onClosed();
        connection.onLinkClosed(link);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("closing connection to {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
