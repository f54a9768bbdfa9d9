package org.dars.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the first instance that, once armed, cuts the first connection whose
 * answer passes {@code cutAfter} bytes: a dropped link in the middle of a package download.
 */
final class DroppingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String host;
  private final int port;
  final AtomicBoolean armed = new AtomicBoolean();
  final AtomicInteger cuts = new AtomicInteger();
  volatile long cutAfter = Long.MAX_VALUE;

  DroppingProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::accept, "dropping-proxy");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(host, port);
        pipe(client, upstream, false);
        pipe(upstream, client, true);
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pipe(Socket from, Socket to, boolean answers) {
    Thread t = new Thread(() -> {
      long sent = 0;
      byte[] buf = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) != -1) {
          out.write(buf, 0, n);
          sent += n;
          if (answers && sent > cutAfter && armed.compareAndSet(true, false)) {
            cuts.incrementAndGet();
            from.close();
            to.close();
            return;
          }
        }
      } catch (IOException e) {
        // the other direction closed
      } finally {
        try {
          from.close();
          to.close();
        } catch (IOException ignored) {
          // closing
        }
      }
    }, "dropping-proxy-pipe");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
