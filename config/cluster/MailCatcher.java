import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local cluster's mail catcher (config/cluster/local.sh, when DEAL_SMTP_HOST is not set): the one SMTP server
 * every member sends to, as ./mvnw -Prun's catcher does for one server. It keeps each mail as an .eml file in the
 * folder given, to open in any mail program, so that "each mail once" can be checked across members by counting
 * files. Plain SMTP on 127.0.0.1 only (no STARTTLS: the product uses it only with a user set), one thread per
 * connection. A JDK 17 single-file program: java MailCatcher.java PORT FOLDER.
 */
public final class MailCatcher {

    private static final AtomicLong COUNT = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        Files.createDirectories(folder);
        try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            System.out.println("Mail catcher listens on 127.0.0.1:" + port + "; mails are kept in " + folder.toAbsolutePath());
            while (true) {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client, folder), "smtp-" + client.getPort());
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serve(Socket client, Path folder) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
             OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(60_000);
            reply(out, "220 localhost GroupDeal mail catcher");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 localhost");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        keep(in, folder);
                        reply(out, "250 OK kept");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            System.out.println("Mail catcher: connection ended: " + e.getMessage());
        }
    }

    /** The message up to the lone dot, undotted, written to a new .eml file (written aside, then moved: never half). */
    private static void keep(BufferedReader in, Path folder) throws IOException {
        String name = System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet() + ".eml";
        Path part = folder.resolve(name + ".part");
        try (Writer file = Files.newBufferedWriter(part, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = in.readLine()) != null && !line.equals(".")) {
                file.write(line.startsWith("..") ? line.substring(1) : line);
                file.write("\r\n");
            }
        }
        Files.move(part, folder.resolve(name));
        System.out.println("Mail kept: " + folder.resolve(name));
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
