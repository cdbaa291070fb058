package org.referrals.infra.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.referrals.infra.security.HttpHardeningProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * A slow client cannot hold a connection: the request line and headers must arrive within
 * {@code referrals.http.header-timeout} of the connection (or of the previous answer on a kept-alive one), a body
 * may pause at most {@code referrals.http.body-read-timeout} between reads and take at most
 * {@code referrals.http.body-timeout} in all (Reactor Netty's own {@code readTimeout} and {@code requestTimeout}), and
 * an idle kept-alive connection closes after {@code server.netty.idle-timeout}. And what the codec cannot read (a
 * request line or headers too long, not HTTP) is answered with a problem document like every other refusal. Netty's
 * documented extension points only: a {@link NettyServerCustomizer}, and channel handlers after the HTTP codec.
 */
@Configuration
public class HttpServerGuards {

    @Bean
    NettyServerCustomizer slowClientTimeouts(HttpHardeningProperties http,
                                             @Value("${server.netty.idle-timeout:60s}") Duration idle) {
        Duration headers = http.headerTimeout();
        return server -> server
                .readTimeout(http.bodyReadTimeout())
                .requestTimeout(http.bodyTimeout())
                // at the connection's start, before its first request (doOnConnection would come after it)
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                        channel.pipeline().addAfter(NettyPipeline.HttpCodec, "requestHeadDeadline", new RequestHeadDeadline(headers, idle));
                        channel.pipeline().addAfter("requestHeadDeadline", "undecodableRequests", new UndecodableRequests());
                    }
                });
    }

    /**
     * A request line or headers too long for the codec (or not HTTP at all) get a problem document, like every other
     * refusal, instead of the server's empty 414, 431 or 400; then the connection closes.
     */
    static final class UndecodableRequests extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (!(message instanceof HttpRequest request) || request.decoderResult().isSuccess()) {
                context.fireChannelRead(message);
                return;
            }
            ReferenceCountUtil.release(message);
            Throwable cause = request.decoderResult().cause();
            HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : HttpResponseStatus.BAD_REQUEST;
            String detail = status == HttpResponseStatus.REQUEST_URI_TOO_LONG ? "the request line is too long"
                    : status == HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE ? "the request headers are too large"
                    : "the request is not valid HTTP";
            byte[] body = ("{\"type\":\"/problems/request-rejected\",\"title\":\""
                           + status.reasonPhrase() + "\",\"status\":" + status.code() + ",\"detail\":\"" + detail + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * Closes the connection when a request's head has not arrived in time: the first within the header timeout of the
     * connection, each next one on a kept-alive connection within the idle timeout of the previous answer (a client
     * reusing a pooled connection is not in a hurry to send, and the idle timeout closes it anyway).
     */
    static final class RequestHeadDeadline extends ChannelDuplexHandler {

        private final long firstNanos;
        private final long nextNanos;
        private ScheduledFuture<?> deadline;

        RequestHeadDeadline(Duration first, Duration next) {
            this.firstNanos = first.toNanos();
            this.nextNanos = next.toNanos();
        }

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            arm(context, firstNanos);
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest) {
                disarm();
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof LastHttpContent) {
                // a kept-alive connection waits for its next request (unvoid: the server may write with a void promise)
                ChannelPromise answered = promise.unvoid();
                answered.addListener(written -> arm(context, nextNanos));
                context.write(message, answered);
                return;
            }
            context.write(message, promise);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext context) {
            disarm();
        }

        private void arm(ChannelHandlerContext context, long nanos) {
            disarm();
            deadline = context.executor().schedule(() -> {
                context.close();
            }, nanos, TimeUnit.NANOSECONDS);
        }

        private void disarm() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
