package org.dars.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Blobs as files under {@code root/sha256/ab/cd/abcd…}, staged under {@code root/tmp}. Staging
 * writes, fsyncs, then the commit renames atomically (same file system) and fsyncs the directory,
 * so a blob either is complete under its name or is not there at all. Leftover staging files from
 * a crash are removed at start-up.
 */
public final class FileBlobStore implements BlobStore {
  private static final int BUFFER = 1 << 16;
  private static final int STAGING_BUFFER = 1 << 20;

  private final Path root;
  private final Path tmp;
  private final int leftovers;

  /** Opens the store, removing the staging files a crash left: no one can commit them any more. */
  public FileBlobStore(Path root) throws IOException {
    this.root = root;
    this.tmp = root.resolve("tmp");
    Files.createDirectories(root.resolve("sha256"));
    Files.createDirectories(tmp);
    int removed = 0;
    try (Stream<Path> files = Files.list(tmp)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (Files.deleteIfExists(p)) {
          removed++;
        }
      }
    }
    this.leftovers = removed;
  }

  /** How many staging files opening the store removed. */
  int leftoversRemoved() {
    return leftovers;
  }

  @Override
  public StagedBlob stage(InputStream in, long maxBytes, boolean withMd5) throws IOException {
    Path file = tmp.resolve(UUID.randomUUID() + ".part");
    MessageDigest sha = Sha256.newDigest();
    MessageDigest md5 = withMd5 ? md5() : null;
    long size = 0;
    boolean ok = false;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(ch)) {
      // Multipart streams hand out a few kilobytes per read; filling the buffer first keeps the
      // number of writes (and digest calls) low on gigabyte uploads.
      byte[] buf = new byte[STAGING_BUFFER];
      int n;
      while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
        size += n;
        if (size > maxBytes) {
          throw new BlobTooLargeException(maxBytes);
        }
        sha.update(buf, 0, n);
        if (md5 != null) {
          md5.update(buf, 0, n);
        }
        out.write(buf, 0, n);
      }
      out.flush();
      ch.force(true);
      ok = true;
    } finally {
      if (!ok) {
        Files.deleteIfExists(file);
      }
    }
    return new StagedBlob(file, Sha256.of(sha.digest()), Optional.ofNullable(md5).map(MessageDigest::digest), size);
  }

  @Override
  public boolean commit(StagedBlob staged) throws IOException {
    Path target = pathOf(staged.sha256());
    if (Files.exists(target)) {
      Files.deleteIfExists(staged.file());
      return false;
    }
    Files.createDirectories(target.getParent());
    try {
      Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(staged.file());
      return false;
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("The blob store " + root + " must sit on one file system", e);
    }
    fsyncDirectory(target.getParent());
    return true;
  }

  @Override
  public void discard(StagedBlob staged) {
    try {
      Files.deleteIfExists(staged.file());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove staged file " + staged.file(), e);
    }
  }

  @Override
  public InputStream open(Sha256 sha256) throws IOException {
    Path file = pathOf(sha256);
    MessageDigest digest = Sha256.newDigest();
    return new VerifyingInputStream(new DigestInputStream(Files.newInputStream(file), digest), digest, sha256);
  }

  @Override
  public InputStream openRange(Sha256 sha256, long offset) throws IOException {
    SeekableByteChannel ch = Files.newByteChannel(pathOf(sha256));
    ch.position(offset);
    return Channels.newInputStream(ch);
  }

  @Override
  public Optional<Long> size(Sha256 sha256) throws IOException {
    Path file = pathOf(sha256);
    return Files.exists(file) ? Optional.of(Files.size(file)) : Optional.empty();
  }

  @Override
  public Path localFile(Sha256 sha256) throws IOException {
    Path file = pathOf(sha256);
    if (!Files.isRegularFile(file)) {
      throw new java.nio.file.NoSuchFileException(file.toString(), null, "blob " + sha256 + " is missing from the store");
    }
    return file;
  }

  @Override
  public void delete(Sha256 sha256) throws IOException {
    Files.deleteIfExists(pathOf(sha256));
  }

  @Override
  public FixityReport audit(Set<Sha256> referenced) throws IOException {
    long checked = 0;
    long bytes = 0;
    List<String> corrupt = new ArrayList<>();
    Set<Sha256> present = new HashSet<>();
    try (Stream<Path> files = Files.walk(root.resolve("sha256"))) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        Sha256 name;
        try {
          name = new Sha256(file.getFileName().toString());
        } catch (IllegalArgumentException e) {
          continue;
        }
        present.add(name);
        checked++;
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
          byte[] buf = new byte[BUFFER];
          int n;
          while ((n = in.read(buf)) != -1) {
            digest.update(buf, 0, n);
            bytes += n;
          }
        }
        if (!Sha256.of(digest.digest()).equals(name)) {
          corrupt.add(name.hex());
        }
      }
    }
    List<String> missing =
        referenced.stream().filter(s -> !present.contains(s)).map(Sha256::hex).sorted().toList();
    return new FixityReport(checked, bytes, List.copyOf(corrupt), missing);
  }

  @Override
  public boolean isWritable() {
    return Files.isDirectory(tmp) && Files.isWritable(tmp);
  }

  Path pathOf(Sha256 sha256) {
    String h = sha256.hex();
    return root.resolve("sha256").resolve(h.substring(0, 2)).resolve(h.substring(2, 4)).resolve(h);
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for fsync; the rename itself is still atomic.
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has MD5", e);
    }
  }

  /** Checks the digest once the reader reaches the end, so a corrupt blob never passes silently. */
  private static final class VerifyingInputStream extends FilterInputStream {
    private final MessageDigest digest;
    private final Sha256 expected;
    private boolean checked;

    VerifyingInputStream(InputStream in, MessageDigest digest, Sha256 expected) {
      super(in);
      this.digest = digest;
      this.expected = expected;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b == -1) {
        verify();
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n == -1) {
        verify();
      }
      return n;
    }

    private void verify() throws IOException {
      if (!checked) {
        checked = true;
        Sha256 actual = Sha256.of(digest.digest());
        if (!actual.equals(expected)) {
          throw new CorruptBlobException(expected, actual);
        }
      }
    }
  }
}
