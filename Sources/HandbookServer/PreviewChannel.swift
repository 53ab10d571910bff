import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 connection, with what a preview server left open on
/// a laptop needs besides:
///
/// - an idle timeout, which also bounds how long a client may take to send
///   its request's headers (a client trickling bytes holds nothing forever);
/// - HTTP/1.0 answered as HTTP/1.0: the connection closes after the response
///   unless the client asked for keep-alive, and a response is never chunked
///   (Hummingbird's request type has no version, so the version is read here,
///   before the conversion drops it);
/// - an event stream whose browser has gone closes its socket at once
///   (Hummingbird allows half-closed connections, so without this the socket
///   waits in CLOSE-WAIT until the next reload event fails to write).
struct PreviewChannel: ServerChildChannel {
    let http1: HTTP1Channel

    init(responder: @escaping HTTPChannelHandler.Responder, idleTimeout: Duration) {
        http1 = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(idleTimeout)))
    }

    static func builder(idleTimeout: Duration) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in PreviewChannel(responder: responder, idleTimeout: idleTimeout) }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let codec = try operations.handler(type: HTTP1ToHTTPServerCodec.self)
            try operations.addHandler(ConnectionRules(), position: .before(codec))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

/// Sits between NIO's HTTP/1 codec and the conversion to HTTP types, where
/// the request's version is still known.
final class ConnectionRules: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// The version of each request read and not yet answered (pipelined
    /// requests are answered in order), and whether the connection outlives it.
    private var pending: [(version: HTTPVersion, keepAlive: Bool)] = []
    private var streaming = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        pending.append((head.version, head.isKeepAlive))
        if !head.isKeepAlive {
            // Hummingbird closes the connection after a request that says so.
            head.headers.replaceOrAdd(name: "connection", value: "close")
        }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .head(var head) = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        let (version, requestKeepAlive) = pending.isEmpty ? (HTTPVersion.http1_1, true) : pending.removeFirst()
        var keepAlive = requestKeepAlive
        streaming = head.headers["content-type"].first?.hasPrefix("text/event-stream") ?? false
        if version.major == 1 && version.minor == 0 {
            // An HTTP/1.0 client cannot read chunks: a body without a length
            // ends when the connection does.
            head.version = .http1_0
            head.headers.remove(name: "transfer-encoding")
            if head.headers["content-length"].isEmpty { keepAlive = false }
            head.headers.replaceOrAdd(name: "connection", value: keepAlive ? "keep-alive" : "close")
        } else if !keepAlive {
            head.headers.replaceOrAdd(name: "connection", value: "close")
        }
        context.write(wrapOutboundOut(.head(head)), promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if streaming, let event = event as? ChannelEvent, event == .inputClosed {
            // The browser left the page: nothing more will be read or wanted.
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
