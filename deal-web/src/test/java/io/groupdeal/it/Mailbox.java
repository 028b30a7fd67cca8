package io.groupdeal.it;

import io.groupdeal.devserver.ItMailServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The mails that the test SMTP server (GreenMail) received, by recipient and subject, and what is inside them. */
final class Mailbox {

    private Mailbox() {}

    static List<MimeMessage> mails(String recipient, String subjectStart) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage message : ItMailServer.server().getReceivedMessages()) {
            boolean toRecipient = Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(recipient));
            if (toRecipient && message.getSubject().startsWith(subjectStart)) {
                out.add(message);
            }
        }
        return out;
    }

    static List<MimeMessage> awaitMail(String recipient, String subjectStart, int seconds) throws Exception {
        List<MimeMessage> found = List.of();
        for (int i = 0; i < seconds * 2 && found.isEmpty(); i++) {
            found = mails(recipient, subjectStart);
            if (found.isEmpty()) {
                Thread.sleep(500);
            }
        }
        return found;
    }

    static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static int images(Part part) throws Exception {
        if (part.isMimeType("image/png")) {
            return 1;
        }
        int count = 0;
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                count += images(child);
            }
        }
        return count;
    }
}
