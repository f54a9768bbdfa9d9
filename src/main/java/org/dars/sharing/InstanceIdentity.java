package org.dars.sharing;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Properties;
import java.util.UUID;
import org.dars.platform.DarsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who this instance is to its partners: a stable instance id, the organisation name
 * ({@code dars.instance.organisation}) and an Ed25519 key pair. All three live in
 * {@code <data dir>/sharing/}: {@code instance.properties}, {@code signing-key.pk8} (PKCS#8, mode
 * 600 where the file system allows) and {@code signing-key.pub} (X.509). They are generated on
 * first start and never change afterwards; the organisation name follows the configuration.
 */
@ApplicationScoped
public class InstanceIdentity {
  private static final Logger LOG = Logger.getLogger(InstanceIdentity.class);

  @Inject DarsConfig config;

  @Inject
  @ConfigProperty(name = "dars.instance.organisation", defaultValue = "Dars")
  String organisation;

  private UUID id;
  private PrivateKey privateKey;
  private PublicKey publicKey;

  @PostConstruct
  void load() {
    Path dir = config.dataDir().resolve("sharing");
    try {
      Files.createDirectories(dir);
      Path idFile = dir.resolve("instance.properties");
      Path keyFile = dir.resolve("signing-key.pk8");
      Path pubFile = dir.resolve("signing-key.pub");
      if (!Files.exists(idFile)) {
        Properties p = new Properties();
        p.setProperty("instance.id", UUID.randomUUID().toString());
        try (var out = Files.newBufferedWriter(dir.resolve("instance.properties.tmp"), StandardCharsets.UTF_8)) {
          p.store(out, "Dars instance identity: never change or copy it to another instance");
        }
        Files.move(dir.resolve("instance.properties.tmp"), idFile, StandardCopyOption.ATOMIC_MOVE);
      }
      Properties p = new Properties();
      try (var in = Files.newBufferedReader(idFile, StandardCharsets.UTF_8)) {
        p.load(in);
      }
      id = UUID.fromString(p.getProperty("instance.id"));
      if (!Files.exists(keyFile)) {
        KeyPair pair = Signatures.generate();
        writePrivate(dir, keyFile, pair.getPrivate().getEncoded());
        Files.write(pubFile, pair.getPublic().getEncoded());
        LOG.infof("Generated the Ed25519 signing key of instance %s in %s", id, dir);
      }
      privateKey = Signatures.privateKey(Files.readAllBytes(keyFile));
      publicKey = Signatures.publicKey(java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(pubFile)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the instance identity in " + dir
          + ". Check that dars.data.dir (DARS_DATA_DIR) names a writable folder.", e);
    } catch (InvalidKeySpecException | IllegalArgumentException e) {
      throw new IllegalStateException("The instance identity in " + dir + " is damaged (" + e.getMessage()
          + "). Restore it from a backup: a new key would make partners refuse this instance's packages.", e);
    }
    if (organisation == null || organisation.isBlank() || organisation.length() > 200) {
      throw new IllegalStateException("Configuration key dars.instance.organisation (environment variable"
          + " DARS_INSTANCE_ORGANISATION) must be a name of 1 to 200 characters.");
    }
    LOG.infof("Instance %s (%s)", id, organisation);
  }

  private static void writePrivate(Path dir, Path keyFile, byte[] pkcs8) throws IOException {
    Path tmp = dir.resolve("signing-key.pk8.tmp");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(tmp);
    }
    Files.write(tmp, pkcs8);
    Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
  }

  public UUID id() {
    return id;
  }

  public String organisation() {
    return organisation.strip();
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** What {@code GET /api/v1/instance} and the sharing page show a partner's administrator. */
  public InstanceResource.InstanceView view() {
    return new InstanceResource.InstanceView(id.toString(), organisation(), Signatures.encode(publicKey), Signatures.pem(publicKey));
  }

  byte[] sign(byte[] data) {
    return Signatures.sign(privateKey, data);
  }

  PrivateKey privateKey() {
    return privateKey;
  }
}
