package io.groupdeal.application.mail;

import io.groupdeal.application.coupon.QrCodes;
import io.groupdeal.domain.mail.Mail;
import jakarta.activation.DataHandler;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one mail over SMTP (DEAL_SMTP_HOST, DEAL_SMTP_PORT, DEAL_SMTP_USER, DEAL_SMTP_PASSWORD, DEAL_MAIL_FROM):
 * multipart/alternative of plain text and HTML, the HTML with its QR images inline. The Message-ID is made from the
 * outbox id, so a mail that a crash made us send twice is recognisably the same mail.
 */
@ApplicationScoped
public class MailSender {

    private static final int QR_PIXELS = 240;

    @Inject
    @ConfigProperty(name = "deal.smtp.host", defaultValue = "localhost")
    private String host;

    @Inject
    @ConfigProperty(name = "deal.smtp.port", defaultValue = "25")
    private int port;

    @Inject
    @ConfigProperty(name = "deal.smtp.user")
    private Optional<String> user;

    @Inject
    @ConfigProperty(name = "deal.smtp.password")
    private Optional<String> password;

    @Inject
    @ConfigProperty(name = "deal.mail.from", defaultValue = "GroupDeal <no-reply@groupdeal.local>")
    private String from;

    @Inject
    private QrCodes qrCodes;

    private Session session;

    @PostConstruct
    void connect() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(port));
        // A mail server that hangs must not hold the delivery job: give up on it and try again later.
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        boolean login = user.filter(u -> !u.isBlank()).isPresent();
        properties.put("mail.smtp.auth", String.valueOf(login));
        properties.put("mail.smtp.starttls.enable", String.valueOf(login));
        session = login
                ? Session.getInstance(properties, new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(user.get(), password.orElse(""));
                    }
                })
                : Session.getInstance(properties);
    }

    void send(String outboxId, Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + outboxId + "@groupdeal.mail>");
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setContent(body(mail));
        message.saveChanges();
        Transport.send(message);
    }

    private MimeMultipart body(Mail mail) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());

        MimeMultipart related = new MimeMultipart("related");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        related.addBodyPart(html);
        for (String code : mail.qrCodes()) {
            MimeBodyPart image = new MimeBodyPart();
            image.setDataHandler(new DataHandler(new ByteArrayDataSource(qrCodes.png(code, QR_PIXELS), "image/png")));
            image.setContentID("<qr-" + code + ">");
            image.setDisposition(MimeBodyPart.INLINE);
            image.setFileName("coupon-" + code + ".png");
            related.addBodyPart(image);
        }
        MimeBodyPart htmlWithImages = new MimeBodyPart();
        htmlWithImages.setContent(related);

        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(htmlWithImages);
        return alternative;
    }
}
