package org.dars.sharing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Partners that are down in the two ways that do not fail fast. {@link #silent()} accepts TCP
 * connections (the kernel completes the handshake) but never answers a byte. {@link
 * #stalling(UUID)} answers the release list properly, then sends the headers and the first 64 KiB
 * of a package and falls silent with the connection open, as a link that dies mid-transfer does.
 */
final class StallingPartner implements AutoCloseable {
  private final AutoCloseable server;
  private final int port;
  private final CountDownLatch closed = new CountDownLatch(1);

  private StallingPartner(AutoCloseable server, int port) {
    this.server = server;
    this.port = port;
  }

  static StallingPartner silent() throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return new StallingPartner(socket, socket.getLocalPort());
  }

  static StallingPartner stalling(UUID curriculum) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    ExecutorService threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "stalling-partner");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(threads);
    StallingPartner partner = new StallingPartner(() -> {
      http.stop(0);
      threads.shutdownNow();
    }, http.getAddress().getPort());
    http.createContext("/api/v1/sharing/releases", ex -> partner.answer(ex, ("{\"instanceId\":\"" + UUID.randomUUID()
        + "\",\"organisation\":\"مديرية التعليم المهني في ميسان\",\"releases\":[{\"curriculum\":\"" + curriculum
        + "\",\"version\":\"1.0\",\"packagePath\":\"curricula/" + curriculum + "/releases/1.0/package\"}]}")
        .getBytes(StandardCharsets.UTF_8)));
    http.createContext("/api/v1/curricula/", partner::stall);
    http.start();
    return partner;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  private void answer(HttpExchange ex, byte[] json) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(200, json.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(json);
    }
  }

  /** Promises 64 MiB, sends 64 KiB, then holds the connection open without a byte more. */
  private void stall(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/zip");
    ex.sendResponseHeaders(200, 64L << 20);
    OutputStream out = ex.getResponseBody();
    out.write(new byte[64 << 10]);
    out.flush();
    try {
      closed.await(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws Exception {
    closed.countDown();
    server.close();
  }
}
