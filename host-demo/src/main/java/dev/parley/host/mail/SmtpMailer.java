package dev.parley.host.mail;

import dev.parley.api.mail.MailDeliveryException;
import dev.parley.api.mail.Mailer;
import dev.parley.api.mail.OutboundMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Outbound mail over SMTP (Jakarta Mail / Angus), with connect and read timeouts. */
public final class SmtpMailer implements Mailer {

    private final Session session;
    private final String from;
    private final String user;
    private final String password;

    public SmtpMailer(String host, int port, String from, String user, String password, int timeoutMillis) {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
        props.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
        props.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
        props.put("mail.smtp.auth", String.valueOf(user != null));
        this.session = Session.getInstance(props);
        this.from = from;
        this.user = user;
        this.password = password;
    }

    @Override
    public String send(OutboundMail mail) throws MailDeliveryException {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    // keep a Message-ID the caller gave (the same on a repeated attempt, see Mailer#send)
                    if (getHeader("Message-ID") == null) {
                        super.updateMessageID();
                    }
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            if (mail.replyTo() != null) {
                message.setReplyTo(InternetAddress.parse(mail.replyTo(), true));
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            for (Map.Entry<String, String> h : mail.headers().entrySet()) {
                message.setHeader(h.getKey(), h.getValue());
            }
            if (mail.html() == null) {
                message.setText(mail.text(), StandardCharsets.UTF_8.name());
            } else {
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.text(), StandardCharsets.UTF_8.name());
                MimeBodyPart html = new MimeBodyPart();
                html.setContent(mail.html(), "text/html; charset=UTF-8");
                alternative.addBodyPart(text);
                alternative.addBodyPart(html);
                message.setContent(alternative);
            }
            message.saveChanges();
            if (user == null) {
                Transport.send(message);
            } else {
                Transport.send(message, user, password);
            }
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new MailDeliveryException("SMTP delivery to " + mail.to() + " failed: " + e.getMessage(), e);
        }
    }
}
