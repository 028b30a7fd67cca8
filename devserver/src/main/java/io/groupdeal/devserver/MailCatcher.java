package io.groupdeal.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * For {@code ./mvnw -Prun} without an SMTP server: a local one (GreenMail) that keeps every mail the product sends
 * as an .eml file in {@code <data folder>/mail}, to open in any mail program, and prints a line for each.
 */
final class MailCatcher implements AutoCloseable {

    private final GreenMail server;
    private final Path folder;
    private final Thread writer;
    private final int port;

    private MailCatcher(int port, Path folder) {
        this.port = port;
        this.folder = folder;
        this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.writer = new Thread(this::keep, "deal-mail-catcher");
        this.writer.setDaemon(true);
    }

    static MailCatcher start(int preferredPort, Path folder) throws IOException {
        Files.createDirectories(folder);
        int port = EmbeddedDatabase.isFree(preferredPort) ? preferredPort : EmbeddedDatabase.freePort();
        MailCatcher catcher = new MailCatcher(port, folder);
        catcher.server.start();
        catcher.writer.start();
        return catcher;
    }

    int port() {
        return port;
    }

    private void keep() {
        int written = 0;
        while (!Thread.currentThread().isInterrupted()) {
            MimeMessage[] received = server.getReceivedMessages();
            for (; written < received.length; written++) {
                save(received[written], written + 1);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void save(MimeMessage mail, int number) {
        try {
            String subject = mail.getSubject() == null ? "mail" : mail.getSubject();
            String slug = subject.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("(^-|-$)", "");
            Path file = folder.resolve(String.format(
                    Locale.ROOT, "%04d-%s.eml", number, slug.length() > 60 ? slug.substring(0, 60) : slug));
            try (OutputStream out = Files.newOutputStream(file)) {
                mail.writeTo(out);
            }
            System.out.println("Mail to "
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(mail.getAllRecipients())
                                    .map(String::valueOf)
                                    .toList()) + ": \"" + subject + "\" -> " + file);
        } catch (IOException | MessagingException e) {
            System.out.println("Mail catcher could not keep a mail: " + e);
        }
    }

    @Override
    public void close() {
        writer.interrupt();
        server.stop();
    }
}
