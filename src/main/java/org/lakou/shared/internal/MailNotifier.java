package org.lakou.shared.internal;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.lakou.shared.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Claim-then-send: inserting {@code notices_sent/_id=key} is atomic on any MongoDB, so two nodes
 * (or two runs) racing on the same notice have one winner. A crash between claim and send loses
 * that notice rather than sending it twice; that is the side we choose for reminders.
 */
@Component
class MailNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);
    static final String COLLECTION = "notices_sent";

    private final MongoTemplate mongo;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;

    MailNotifier(MongoTemplate mongo, ObjectProvider<JavaMailSender> mail, Clock clock,
            org.springframework.core.env.Environment env) {
        this.mongo = mongo;
        this.mail = mail;
        this.clock = clock;
        this.from = env.getProperty("lakou.mail.from", "lakou@localhost");
    }

    @Override
    public boolean sendOnce(Notice n) {
        try {
            mongo.insert(new Document("_id", n.key()).append("kind", n.kind()).append("to", n.to())
                    .append("state", "sending").append("at", Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException already) {
            return false;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No mail server configured (spring.mail.host); notice {} to {} recorded but not sent",
                    n.key(), n.to());
            mark(n.key(), "no-mail-server");
            return true;
        }
        try {
            SimpleMailMessage m = new SimpleMailMessage();
            m.setFrom(from);
            m.setTo(n.to());
            m.setSubject(n.subject());
            m.setText(n.body());
            sender.send(m);
            mark(n.key(), "sent");
            return true;
        } catch (MailException | IllegalStateException e) {
            log.warn("Notice {} to {} failed; it will be retried: {}", n.key(), n.to(), e.getMessage());
            mongo.remove(Query.query(Criteria.where("_id").is(n.key())), COLLECTION);
            return false;
        }
    }

    @Override
    public boolean wasSent(String key) {
        return mongo.findById(key, Document.class, COLLECTION) != null;
    }

    private void mark(String key, String state) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), Update.update("state", state), COLLECTION);
    }
}
